package com.returnsgateway.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnsgateway.core.metrics.SqlStatementCounting.SqlStatementCounter;
import com.returnsgateway.testsupport.MigratedDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The benchmark's statements per case: every statement sent through the data source is counted, batches each. */
class SqlStatementCountingTest {

    @Test
    void statementsPreparedAndPlainAreCountedAndABatchCountsEachOfItsStatements() throws Exception {
        SqlStatementCounter counter = new SqlStatementCounter();
        DataSource counted = (DataSource) counter.postProcessAfterInitialization(MigratedDatabase.dataSource(), "ds");

        JdbcClient.create(counted).sql("SELECT count(*) FROM return_case WHERE case_id = :id").param("id", "RC-X")
                .query(Long.class).single();
        try (Connection connection = counted.getConnection();
             Statement plain = connection.createStatement()) {
            plain.execute("SELECT 1");
            connection.setAutoCommit(false);
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE return_case SET attempts = attempts WHERE case_id = ?")) {
                update.setString(1, "RC-A");
                update.addBatch();
                update.setString(1, "RC-B");
                update.addBatch();
                update.executeBatch();
            }
            connection.rollback();
            connection.setAutoCommit(true);
        }

        assertThat(counter.statements()).isEqualTo(4);
        assertThat(counted.unwrap(DataSource.class)).isNotNull();
    }
}
