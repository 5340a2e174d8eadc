package com.returnsgateway.adapter.sftp;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** One embedded PostgreSQL per test JVM, migrated by Flyway like the gateway's; tests use their own keys. */
final class TestDatabase {

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;

    private TestDatabase() {
    }

    static synchronized DataSource dataSource() {
        if (dataSource == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            dataSource = postgres.getPostgresDatabase();
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    // the JVM is going away
                }
            }));
        }
        return dataSource;
    }

    static JdbcClient jdbc() {
        return JdbcClient.create(dataSource());
    }

    static DataSourceTransactionManager transactions() {
        return new DataSourceTransactionManager(dataSource());
    }

    /** A minimal case row, so intercept requests can refer to it. */
    static void insertCase(String caseId) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc().sql("""
                        INSERT INTO return_case (case_id, marketplace, return_id, order_id, request, status, phase,
                                                 next_attempt_at, created_at, updated_at)
                        VALUES (:id, 'sandbox-us', :id, :id, '{}'::jsonb, 'INTERCEPT_REQUESTED', 'ACTIVE', :now, :now, :now)""")
                .param("id", caseId)
                .param("now", now)
                .update();
    }
}
