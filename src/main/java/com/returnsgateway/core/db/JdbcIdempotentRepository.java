package com.returnsgateway.core.db;

import java.sql.Timestamp;
import java.time.Clock;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A Camel {@link IdempotentRepository} in PostgreSQL ({@code idempotent_key}), shared by every instance and kept across
 * restarts; for camel-ftp's {@code idempotent=true&idempotentRepository=#name} and for the idempotent consumer EIP
 * (the buyer-reply inbox). Keys live under a processor name, so one table serves several consumers. {@code add} is
 * atomic (INSERT ... ON CONFLICT DO NOTHING): of two consumers that list the same file, only one gets true.
 */
public class JdbcIdempotentRepository extends ServiceSupport implements IdempotentRepository {

    private final JdbcClient jdbc;
    private final String processor;
    private final Clock clock;

    public JdbcIdempotentRepository(JdbcClient jdbc, String processor, Clock clock) {
        if (processor == null || processor.isBlank() || processor.length() > 64) {
            throw new IllegalArgumentException("processor name must be 1 to 64 characters");
        }
        this.jdbc = jdbc;
        this.processor = processor;
        this.clock = clock;
    }

    public String processor() {
        return processor;
    }

    @Override
    public boolean add(String key) {
        return jdbc.sql("""
                        INSERT INTO idempotent_key (processor, key, created_at) VALUES (:processor, :key, :now)
                        ON CONFLICT (processor, key) DO NOTHING""")
                .param("processor", processor)
                .param("key", key)
                .param("now", Timestamp.from(clock.instant()))
                .update() == 1;
    }

    @Override
    public boolean contains(String key) {
        return jdbc.sql("SELECT count(*) FROM idempotent_key WHERE processor = :processor AND key = :key")
                .param("processor", processor)
                .param("key", key)
                .query(Integer.class).single() > 0;
    }

    @Override
    public boolean remove(String key) {
        return jdbc.sql("DELETE FROM idempotent_key WHERE processor = :processor AND key = :key")
                .param("processor", processor)
                .param("key", key)
                .update() == 1;
    }

    @Override
    public boolean confirm(String key) {
        return true;
    }

    @Override
    public void clear() {
        jdbc.sql("DELETE FROM idempotent_key WHERE processor = :processor").param("processor", processor).update();
    }
}
