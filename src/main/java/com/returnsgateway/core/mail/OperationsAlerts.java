package com.returnsgateway.core.mail;

import static com.returnsgateway.core.RouteVariables.ALERT_DETAILS;
import static com.returnsgateway.core.RouteVariables.ALERT_KEY;
import static com.returnsgateway.core.RouteVariables.ALERT_SOURCE;
import static com.returnsgateway.core.RouteVariables.ALERT_TITLE;

import com.returnsgateway.core.config.GatewayProperties;
import com.returnsgateway.core.remote.RemoteCallException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.camel.Exchange;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which alerts about a whole system are due: the first sighting of a problem is, its repeats (every other case that
 * hits it) are not until {@code gateway.intercepts.alert-again-after} has passed. Kept in the database, so a restart
 * or a second instance does not alert again.
 */
@Component
public class OperationsAlerts {

    private final JdbcClient jdbc;
    private final GatewayProperties properties;
    private final Clock clock;

    public OperationsAlerts(JdbcClient jdbc, GatewayProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** Notes a sighting of the problem {@code key}; true when operations should be emailed about it now. */
    public boolean due(String key, String title) {
        // the database keeps microseconds: compare what it returns with what it was given
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant raised = jdbc.sql("""
                        INSERT INTO operations_alert (alert_key, title, raised_at, last_seen_at)
                        VALUES (:key, :title, :now, :now)
                        ON CONFLICT (alert_key) DO UPDATE SET last_seen_at = :now,
                               times_seen = operations_alert.times_seen + 1,
                               title = :title,
                               raised_at = CASE WHEN operations_alert.raised_at < :cutoff THEN :now
                                                ELSE operations_alert.raised_at END
                        RETURNING raised_at""")
                .param("key", key)
                .param("title", title)
                .param("now", Timestamp.from(now))
                .param("cutoff", Timestamp.from(now.minus(properties.intercepts().alertAgainAfter())))
                .query(Timestamp.class)
                .single()
                .toInstant();
        return raised.equals(now);
    }

    /**
     * A system refused the gateway's credentials: the first time (and again after the quiet time) the alert* variables
     * are set for the {@code operations-alert} route, so operations hear of it once, not once per case.
     *
     * @param details what happened and what it means for the cases
     */
    public void credentialsRefused(RemoteCallException refused, String details, Exchange exchange) {
        String system = refused.refusedCredentialsOf();
        String key = "credentials-refused:" + system;
        String title = system + " refused the gateway's credentials";
        if (due(key, title)) {
            exchange.setVariable(ALERT_SOURCE, system);
            exchange.setVariable(ALERT_TITLE, title);
            exchange.setVariable(ALERT_DETAILS, details + "; this alert is not repeated for each case.");
            exchange.setVariable(ALERT_KEY, key);
        }
    }
}
