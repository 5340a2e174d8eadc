package com.returnsgateway.adapter.fourpx;

import com.returnsgateway.core.config.GatewayProperties.Resilience;
import com.returnsgateway.core.remote.RemoteCalls;
import com.returnsgateway.core.resilience.GuardSteps;
import com.returnsgateway.core.resilience.RemoteGuard;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

/**
 * The gateway's own {@code remote-call} route (routes/remote-call.camel.yaml) with its guard, in a Camel context of
 * its own: an adapter's calls go out exactly as in the gateway, without the rest of it.
 */
final class RemoteCallRoute implements AutoCloseable {

    private final DefaultCamelContext camel = new DefaultCamelContext();
    private final RemoteCalls calls;

    RemoteCallRoute() throws Exception {
        Properties properties = new Properties();
        properties.put("gateway.mail.host", "localhost");
        properties.put("gateway.mail.port", "25");
        camel.getPropertiesComponent().setInitialProperties(properties);
        camel.getRegistry().bind("guardSteps", new GuardSteps(new RemoteGuard(
                new Resilience(true, null, Map.of(), Map.of(), null, null), new SimpleMeterRegistry())));
        // as config/application.yaml has it: retries belong to the case error policy, not to HttpClient
        camel.getComponent("http", HttpComponent.class).setAutomaticRetriesDisabled(true);
        camel.build();
        calls = new RemoteCalls(camel.createProducerTemplate());
        camel.getRegistry().bind("remoteCalls", calls);
        PluginHelper.getRoutesLoader(camel).loadRoutes(
                ResourceHelper.resolveResource(camel, "file:routes/errors.camel.yaml"),
                ResourceHelper.resolveResource(camel, "file:routes/remote-call.camel.yaml"));
        camel.start();
    }

    RemoteCalls calls() {
        return calls;
    }

    @Override
    public void close() throws java.io.IOException {
        camel.close();
    }
}
