package com.returnsgateway.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * With profile {@code prod}, start-up stops (before any bean is made) with every insecure setting named: an empty or
 * well-known API password, the sandbox simulators on, and what each adapter's {@link ProductionCheck} refuses (an Amazon
 * account without its credentials or not on HTTPS). (An SFTP forwarder without host-key checking is refused by
 * SftpForwarderRoutes.)
 */
@Component
public class ProductionSafety implements BeanFactoryPostProcessor, EnvironmentAware {

    static final Set<String> WELL_KNOWN_PASSWORDS = Set.of("sandbox", "password", "admin", "changeme", "secret",
            "123456", "gateway");

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    /**
     * Runs before any ordinary bean is made, so the message names every problem at once: the core's and each adapter's
     * ({@link ProductionCheck} beans, made here early: they must need nothing but the environment).
     */
    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        List<String> problems = problems(environment);
        if (environment.acceptsProfiles(Profiles.of("prod"))) {
            beanFactory.getBeansOfType(ProductionCheck.class, false, false).values()
                    .forEach(check -> problems.addAll(check.problems(environment)));
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start with profile prod and insecure settings:\n - "
                    + String.join("\n - ", problems));
        }
    }

    /** What is insecure about these settings in production; empty outside profile {@code prod}. */
    public static List<String> problems(Environment environment) {
        List<String> problems = new ArrayList<>();
        if (!environment.acceptsProfiles(Profiles.of("prod"))) {
            return problems;
        }
        // bound from the environment here, not taken from the GatewayProperties bean: no bean exists yet
        String password = Binder.get(environment).bindOrCreate("gateway.api", GatewayProperties.Api.class).password();
        if (password.isBlank()) {
            problems.add("gateway.api.password is empty: set GATEWAY_API_PASSWORD or a configtree secret file");
        } else if (WELL_KNOWN_PASSWORDS.contains(stripEncoding(password).toLowerCase(Locale.ROOT))) {
            problems.add("gateway.api.password is a well-known default; choose a strong one");
        }
        if (environment.getProperty("sandbox.simulators.enabled", Boolean.class, false)) {
            problems.add("sandbox.simulators.enabled is true: the simulated marketplace, forwarders and SMTP server "
                    + "must not run in production");
        }
        if (environment.getProperty("sandbox.seed.enabled", Boolean.class, false)) {
            problems.add("sandbox.seed.enabled is true: production must not be seeded with sandbox returns");
        }
        return problems;
    }

    /** {@code {noop}sandbox} is the same well-known password. */
    private static String stripEncoding(String password) {
        return password.startsWith("{noop}") ? password.substring("{noop}".length()) : password;
    }
}
