package com.returnsgateway.adapter.sftp;

import java.sql.Timestamp;
import java.time.Instant;
import com.returnsgateway.testsupport.MigratedDatabase;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** The test JVM's migrated PostgreSQL ({@link MigratedDatabase}), with a case row to hang requests on. */
final class TestDatabase {

    private TestDatabase() {
    }

    static DataSource dataSource() {
        return MigratedDatabase.dataSource();
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
