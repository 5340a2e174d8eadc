package com.returnsgateway.core.db;

import com.returnsgateway.core.config.GatewayProperties;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With no {@code spring.datasource.url}, the gateway runs its own PostgreSQL: real PostgreSQL, data under
 * {@code gateway.embedded-db.data-dir} (./data/postgres), kept across restarts. An empty data-dir gives a
 * throw-away database in a temporary folder (tests).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedPostgresConfig {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfig.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(GatewayProperties properties) throws IOException {
        GatewayProperties.EmbeddedDb db = properties.embeddedDb();
        String dataDir = db.dataDir();
        // Spring closes the server after Camel has finished its in-flight work; zonky's own JVM shutdown hook
        // would stop it at once, in the middle of a graceful shutdown
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setRegisterShutdownHook(false);
        if (!dataDir.isBlank()) {
            Path dir = Path.of(dataDir).toAbsolutePath();
            Files.createDirectories(dir.getParent());
            OrphanedPostgres.stopIfRunning(dir);
            builder.setDataDirectory(dir).setCleanDataDirectory(false);
        }
        if (db.port() > 0) {
            builder.setPort(db.port());
        }
        if (db.durable()) {
            // zonky turns these off for speed; a refund ledger must survive a power cut
            builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(),
                dataDir.isBlank() ? "a temporary folder" : Path.of(dataDir).toAbsolutePath());
        return postgres;
    }

    /**
     * Stops and starts the server in place (outage drills, tests); only with a data directory of its own. A
     * condition is evaluated before any bean exists, so it reads the key itself.
     */
    @Bean
    @ConditionalOnExpression("!'${gateway.embedded-db.data-dir:}'.isBlank()")
    EmbeddedPostgresControl embeddedPostgresControl(EmbeddedPostgres postgres, GatewayProperties properties)
            throws IOException {
        return new EmbeddedPostgresControl(Path.of(properties.embeddedDb().dataDir()).toAbsolutePath());
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres, GatewayProperties properties) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(properties.workers() + 8);
        config.setPoolName("embedded-postgres");
        return new HikariDataSource(config);
    }
}
