package com.returnsgateway.core.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnsgateway.core.model.Buyer;
import com.returnsgateway.core.model.Address;
import com.returnsgateway.core.model.Money;
import com.returnsgateway.core.model.RefundType;
import com.returnsgateway.core.model.Resolution;
import com.returnsgateway.core.model.ReturnItem;
import com.returnsgateway.core.model.ReturnRequest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** Several instances sharing one database: a case is worked by one of them at a time, and comes back when a claim lapses. */
class CaseClaimsTest {

    private static EmbeddedPostgres postgres;
    private static CaseRepository repository;

    @BeforeAll
    static void database() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration").load()
                .migrate();
        repository = new CaseRepository(JdbcClient.create(postgres.getPostgresDatabase()), JsonMapper.builder().build());
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void fourInstancesClaimingAtOnceNeverTakeTheSameCase() throws Exception {
        Instant now = Instant.now();
        for (int i = 0; i < 400; i++) {
            repository.insertIfNew("RC-CLAIM" + i, request("CLAIM-" + i), now.minusSeconds(1));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<List<String>>> instances = new ArrayList<>();
            for (int instance = 0; instance < 4; instance++) {
                String id = "instance-" + instance;
                instances.add(() -> {
                    List<String> mine = new ArrayList<>();
                    List<String> batch;
                    while (!(batch = ids(repository.claimDue(id, Duration.ofMinutes(2), 7, Instant.now()))).isEmpty()) {
                        mine.addAll(batch);
                    }
                    return mine;
                });
            }
            List<String> all = new ArrayList<>();
            for (Future<List<String>> claimed : pool.invokeAll(instances)) {
                all.addAll(claimed.get());
            }
            Set<String> distinct = new HashSet<>(all);
            assertThat(all).as("claims across instances").hasSameSizeAs(distinct);
            assertThat(distinct).filteredOn(id -> id.startsWith("RC-CLAIM")).hasSize(400);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aDeadInstancesClaimLapsesAndARestartedInstanceTakesBackItsOwn() {
        Instant now = Instant.now();
        repository.insertIfNew("RC-LEASE", request("LEASE-1"), now.minusSeconds(1));
        repository.insertIfNew("RC-MINE", request("MINE-1"), now.minusSeconds(1));
        List<String> taken = ids(repository.claimDue("dead", Duration.ofSeconds(30), 1000, now));
        assertThat(taken).contains("RC-LEASE", "RC-MINE");

        assertThat(ids(repository.claimDue("other", Duration.ofSeconds(30), 1000, now.plusSeconds(10))))
                .as("leased by a live instance").doesNotContain("RC-LEASE", "RC-MINE");
        assertThat(ids(repository.claimDue("other", Duration.ofSeconds(30), 1000, now.plusSeconds(31))))
                .as("after the lease ran out").contains("RC-LEASE", "RC-MINE");

        repository.claimDue("me", Duration.ofMinutes(5), 1000, now.plusSeconds(62));
        assertThat(repository.releaseAll("me")).isGreaterThanOrEqualTo(2);
        assertThat(ids(repository.claimDue("me", Duration.ofMinutes(5), 1000, now.plusSeconds(63))))
                .contains("RC-LEASE", "RC-MINE");
    }

    @Test
    void aWorkerThatOutlivedItsLeaseCannotTouchTheClaimTakenSince() {
        Instant now = Instant.now();
        repository.insertIfNew("RC-STALE", request("STALE-1"), now.minusSeconds(1));
        Claim stale = claimOf("RC-STALE", repository.claimDue("gw-1", Duration.ofSeconds(10), 1000, now));
        // the worker waits on a database that is away; its lease runs out and a second worker of the same
        // instance claims the case
        Claim current = claimOf("RC-STALE", repository.claimDue("gw-1", Duration.ofSeconds(10), 1000,
                now.plusSeconds(11)));
        assertThat(current.token()).isNotEqualTo(stale.token());

        // the first worker comes back: it learns the case is no longer its own, and cannot give back or reschedule
        // the second worker's claim (which would let a third worker in)
        assertThat(repository.renew(stale, Duration.ofSeconds(10), now.plusSeconds(12))).isFalse();
        assertThat(repository.scheduleRetry(stale, 1, now.plusSeconds(12), "database away", now.plusSeconds(12)))
                .isFalse();
        repository.release(stale);
        assertThat(ids(repository.claimDue("gw-1", Duration.ofSeconds(10), 1000, now.plusSeconds(13))))
                .as("still held by the second worker").doesNotContain("RC-STALE");

        assertThat(repository.renew(current, Duration.ofSeconds(10), now.plusSeconds(14))).isTrue();
        repository.release(current);
        assertThat(ids(repository.claimDue("gw-1", Duration.ofSeconds(10), 1000, now.plusSeconds(15))))
                .contains("RC-STALE");
    }

    private static Claim claimOf(String caseId, List<Claim> claims) {
        return claims.stream().filter(c -> c.caseId().equals(caseId)).findFirst().orElseThrow();
    }

    private static List<String> ids(List<Claim> claims) {
        return claims.stream().map(Claim::caseId).toList();
    }

    private static ReturnRequest request(String returnId) {
        Address address = new Address(null, "1 Street", null, "City", null, "12345", "US", null);
        return new ReturnRequest("sandbox-us", returnId, "ORD-" + returnId, Instant.now(), Instant.now(),
                Resolution.REFUND, RefundType.FULL, null, null, null,
                new Buyer("Buyer", "b@buyer.example", "en-US", address),
                List.of(new ReturnItem("SKU", "Item", 1, new Money(new java.math.BigDecimal("10.00"), "USD"))), null);
    }
}
