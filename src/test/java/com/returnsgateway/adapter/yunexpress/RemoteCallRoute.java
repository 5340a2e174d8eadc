package com.returnsgateway.adapter.yunexpress;

import com.returnsgateway.core.config.GatewayProperties;
import com.returnsgateway.core.remote.RemoteCalls;
import com.returnsgateway.core.resilience.GuardSteps;
import com.returnsgateway.core.resilience.RemoteGuard;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

/**
 * The gateway's own guarded-call route (routes/remote-call.camel.yaml) in a bare Camel context, for adapter tests
 * against WireMock: the calls go the way they go in the gateway, with no Spring context around them.
 */
final class RemoteCallRoute implements AutoCloseable {

    private final CamelContext camel = new DefaultCamelContext();
    private final RemoteCalls calls;

    RemoteCallRoute() throws Exception {
        Properties placeholders = new Properties();
        placeholders.setProperty("gateway.mail.host", "localhost");
        placeholders.setProperty("gateway.mail.port", "25");
        camel.getPropertiesComponent().setInitialProperties(placeholders);
        // as camel.component.http in config/application.yaml: no retry of its own behind the case error policy
        HttpComponent http = camel.getComponent("http", HttpComponent.class);
        http.setAutomaticRetriesDisabled(true);
        calls = new RemoteCalls(camel.createProducerTemplate());
        camel.getRegistry().bind("remoteCalls", calls);
        camel.getRegistry().bind("guardSteps", new GuardSteps(new RemoteGuard(
                GatewayProperties.defaults(GatewayProperties.Resilience.class), new SimpleMeterRegistry())));
        var loader = PluginHelper.getRoutesLoader(camel);
        loader.loadRoutes(ResourceHelper.resolveResource(camel, "file:routes/errors.camel.yaml"),
                ResourceHelper.resolveResource(camel, "file:routes/remote-call.camel.yaml"));
        camel.start();
    }

    RemoteCalls calls() {
        return calls;
    }

    @Override
    public void close() {
        camel.stop();
    }
}
