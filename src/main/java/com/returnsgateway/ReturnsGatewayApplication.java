package com.returnsgateway;

import com.returnsgateway.core.mail.MailStreams;
import com.returnsgateway.sandbox.SimulatorsApplication;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.core.env.SimpleCommandLinePropertySource;

@SpringBootApplication
public class ReturnsGatewayApplication {

    public static void main(String[] args) {
        MailStreams.nameTheProvider();
        if (simulatorsOnly(args)) {
            SpringApplication.run(SimulatorsApplication.class, args);
        } else {
            SpringApplication.run(ReturnsGatewayApplication.class, args);
        }
    }

    /** {@code --spring.profiles.active=simulators} runs the sandbox simulators alone, without the gateway. */
    static boolean simulatorsOnly(String[] args) {
        String profiles = new SimpleCommandLinePropertySource(args).getProperty("spring.profiles.active");
        if (profiles == null) {
            profiles = System.getProperty("spring.profiles.active", System.getenv("SPRING_PROFILES_ACTIVE"));
        }
        return profiles != null && Arrays.stream(profiles.split(",")).map(String::trim).anyMatch("simulators"::equals);
    }
}
