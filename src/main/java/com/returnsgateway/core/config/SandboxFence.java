package com.returnsgateway.core.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Without profile {@code prod} the gateway is a sandbox, with sandbox credentials and no production checks: it must
 * not reach real systems. Start-up stops (before any bean is made) when a {@code gateway.*} setting named like an
 * endpoint ({@code ...url}, {@code ...endpoint}, {@code ...host}), or an adapter's defaulted endpoint
 * ({@link RemoteEndpoints}), points anywhere but this machine or the simulators ({@code gateway.sandbox-url}).
 */
@Component
public class SandboxFence implements BeanFactoryPostProcessor {

    /** Settings that name a URL the gateway does not call. */
    private static final Set<String> NOT_CALLED = Set.of("gateway.console-base-url", "gateway.sandbox-url");
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "::1", "[::1]");

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        Environment environment = beanFactory.getBean(Environment.class);
        if (environment.acceptsProfiles(Profiles.of("prod"))) {
            return;
        }
        Map<String, String> endpoints = configuredEndpoints(environment);
        beanFactory.getBeansOfType(RemoteEndpoints.class, false, false).values()
                .forEach(adapter -> endpoints.putAll(adapter.endpoints(environment)));
        List<String> problems = problems(endpoints, hostOf(environment.getProperty("gateway.sandbox-url", "")));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start without profile prod: these settings point outside the "
                    + "sandbox. To run against real systems use --spring.profiles.active=prod (with its checks); for "
                    + "the sandbox point them at localhost:\n - " + String.join("\n - ", problems));
        }
    }

    /** Each endpoint that is neither this machine nor the simulators' host, named by its setting. */
    static List<String> problems(Map<String, String> endpoints, String sandboxHost) {
        List<String> problems = new ArrayList<>();
        endpoints.forEach((setting, value) -> {
            if (value == null || value.isBlank()) {
                return;
            }
            String host = setting.endsWith("host") ? value.strip() : hostOf(value);
            if (host == null) {
                problems.add(setting + " is '" + value + "', which is not a URL");
            } else if (!isLocal(host, sandboxHost)) {
                problems.add(setting + " points to " + host + ", not to this machine or the simulators");
            }
        });
        return problems;
    }

    /** Every {@code gateway.*} setting named like an endpoint, with its value in force (placeholders resolved). */
    static Map<String, String> configuredEndpoints(Environment environment) {
        Binder binder = Binder.get(environment);
        Map<String, String> endpoints = new TreeMap<>();
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (source instanceof IterableConfigurationPropertySource names) {
                names.stream().filter(SandboxFence::namesAnEndpoint).forEach(name -> binder
                        .bind(name, Bindable.of(String.class))
                        .ifBound(value -> endpoints.put(name.toString(), value)));
            }
        }
        return endpoints;
    }

    private static boolean namesAnEndpoint(ConfigurationPropertyName name) {
        if (name.getNumberOfElements() < 2 || NOT_CALLED.contains(name.toString())
                || !"gateway".equals(name.getElement(0, ConfigurationPropertyName.Form.UNIFORM))) {
            return false;
        }
        String last = name.getLastElement(ConfigurationPropertyName.Form.DASHED);
        return last.equals("url") || last.endsWith("-url") || last.equals("endpoint") || last.endsWith("-endpoint")
                || last.equals("host");
    }

    private static boolean isLocal(String host, String sandboxHost) {
        String h = host.toLowerCase(Locale.ROOT);
        return LOCAL_HOSTS.contains(h) || h.startsWith("127.") || h.equals(sandboxHost);
    }

    private static String hostOf(String url) {
        try {
            String host = URI.create(url.strip()).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
