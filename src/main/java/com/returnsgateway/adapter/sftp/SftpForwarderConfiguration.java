package com.returnsgateway.adapter.sftp;

import com.returnsgateway.core.db.JdbcIdempotentRepository;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Beans the SFTP forwarder routes name in URIs. */
@Configuration(proxyBeanMethods = false)
public class SftpForwarderConfiguration {

    /**
     * For camel-ftp consumers: {@code idempotent=true&idempotentRepository=#sftpFileRepository} with an
     * {@code idempotentKey} that names the forwarder, e.g. {@code sftp-cargo/${file:name}}.
     */
    @Bean
    JdbcIdempotentRepository sftpFileRepository(JdbcClient jdbc, Clock clock) {
        return new JdbcIdempotentRepository(jdbc, "sftp-files", clock);
    }
}
