package com.returnsgateway.sandbox;

import com.returnsgateway.testsupport.Http;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Base of the tests that share one running sandbox (seed loaded, SMTP on a free port). */
@ActiveProfiles("simulators")
@SpringBootTest(classes = SimulatorsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "sandbox.simulators.enabled=true",
                "sandbox.smtp.port=0",
                "sandbox.sftp.enabled=false",
                "sandbox.seed.enabled=true",
                "sandbox.seed.file=config/sandbox/seed.json"})
abstract class SandboxWebTest {

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }
}
