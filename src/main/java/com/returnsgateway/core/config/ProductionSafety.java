package com.returnsgateway.core.config;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * With profile {@code prod}, start-up stops (before any bean is made) with every insecure setting named: the sandbox
 * simulators on, and what each {@link ProductionCheck} refuses (weak API credentials, an Amazon account without its
 * credentials or not on HTTPS, an SFTP forwarder that does not check host keys, ...).
 */
@Component
public class ProductionSafety implements BeanFactoryPostProcessor, EnvironmentAware {

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
        if (environment.getProperty("sandbox.simulators.enabled", Boolean.class, false)) {
            problems.add("sandbox.simulators.enabled is true: the simulated marketplace, forwarders and SMTP server "
                    + "must not run in production");
        }
        if (environment.getProperty("sandbox.seed.enabled", Boolean.class, false)) {
            problems.add("sandbox.seed.enabled is true: production must not be seeded with sandbox returns");
        }
        return problems;
    }
}
