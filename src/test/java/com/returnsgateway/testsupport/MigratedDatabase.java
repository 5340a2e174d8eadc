package com.returnsgateway.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/** One embedded PostgreSQL per test JVM, migrated by Flyway like the gateway's, for tests of an adapter's tables. */
public final class MigratedDatabase {

    private static DataSource dataSource;

    private MigratedDatabase() {
    }

    public static JdbcClient jdbc() {
        return JdbcClient.create(dataSource());
    }

    public static synchronized DataSource dataSource() {
        if (dataSource == null) {
            EmbeddedPostgres postgres;
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
}
