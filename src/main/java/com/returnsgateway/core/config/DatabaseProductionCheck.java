package com.returnsgateway.core.config;

import java.util.List;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Production runs on an external PostgreSQL: the embedded one lives and dies with this machine's disk, and a database
 * lost with its stored idempotency keys is how a refund gets paid twice.
 */
@Component
public class DatabaseProductionCheck implements ProductionCheck {

    @Override
    public List<String> problems(Environment environment) {
        String url = environment.getProperty("spring.datasource.url", "");
        if (url.isBlank()) {
            return List.of("spring.datasource.url is not set, so the embedded PostgreSQL would be used: production "
                    + "needs an external PostgreSQL (SPRING_DATASOURCE_URL=jdbc:postgresql://host:5432/db, with "
                    + "spring.datasource.username and spring.datasource.password from secrets)");
        }
        if (!url.startsWith("jdbc:postgresql:")) {
            return List.of("spring.datasource.url must be a PostgreSQL JDBC URL (jdbc:postgresql://...), not "
                    + url.replaceAll("[?;].*", ""));
        }
        return List.of();
    }
}
