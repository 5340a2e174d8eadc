package com.returnsgateway.testsupport;

import com.returnsgateway.core.config.GatewayProperties;
import com.returnsgateway.core.metrics.EmailMeters;
import com.returnsgateway.core.remote.RemoteCalls;
import com.returnsgateway.core.resilience.GuardSteps;
import com.returnsgateway.core.resilience.RemoteGuard;
import java.util.Properties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

/**
 * The gateway's real guarded-call route (routes/remote-call.camel.yaml, with its error configuration from
 * routes/errors.camel.yaml) in a small Camel context of its own, so an adapter's calls can be tested against WireMock
 * through {@link RemoteCalls} exactly as the gateway makes them, without the whole application.
 */
public final class RemoteCallHarness implements AutoCloseable {

    private final CamelContext camel = new DefaultCamelContext();
    private final RemoteCalls calls;

    public RemoteCallHarness() {
        try {
            RemoteGuard guard = new RemoteGuard(GatewayProperties.defaults(GatewayProperties.Resilience.class),
                    new SimpleMeterRegistry());
            calls = new RemoteCalls(camel.createProducerTemplate());
            camel.getRegistry().bind("guardSteps", new GuardSteps(guard));
            camel.getRegistry().bind("remoteCalls", calls);
            camel.getRegistry().bind("emailMeters", new EmailMeters(new SimpleMeterRegistry()));
            // the file's other route sends mail; it is made, never used here
            Properties placeholders = new Properties();
            placeholders.setProperty("gateway.mail.host", "localhost");
            placeholders.setProperty("gateway.mail.port", "25");
            camel.getPropertiesComponent().setInitialProperties(placeholders);
            // as config/application.yaml has it: HttpClient re-sends nothing by itself (a 503 would be retried here)
            camel.getComponent("http", HttpComponent.class).setAutomaticRetriesDisabled(true);
            var loader = PluginHelper.getRoutesLoader(camel);
            loader.loadRoutes(ResourceHelper.resolveResource(camel, "file:routes/errors.camel.yaml"));
            loader.loadRoutes(ResourceHelper.resolveResource(camel, "file:routes/remote-call.camel.yaml"));
            camel.start();
        } catch (Exception e) {
            throw new IllegalStateException("the remote-call route did not start: " + e.getMessage(), e);
        }
    }

    public RemoteCalls calls() {
        return calls;
    }

    @Override
    public void close() {
        // stop, not close: CamelContext.close declares Exception
        camel.stop();
    }
}
