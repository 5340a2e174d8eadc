package com.returnsgateway.sandbox.amazon;

import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.returnsgateway.sandbox.Faults;
import com.returnsgateway.sandbox.SandboxEnabled;

/**
 * Binds {@code sandbox.amazon.*}, puts the SP-API checks in front of {@code /sandbox/amazon/sp/**}, and answers
 * Spring's own 404/405/415 under {@code /sandbox/amazon} in Amazon's shapes.
 */
@Configuration(proxyBeanMethods = false)
@SandboxEnabled
@EnableConfigurationProperties(AmazonSimulatorProperties.class)
public class AmazonSimulatorConfiguration implements WebMvcConfigurer {

    private final LwaSimulator lwa;
    private final SimulatedRateLimits limits;
    private final Faults faults;

    public AmazonSimulatorConfiguration(LwaSimulator lwa, SimulatedRateLimits limits, Faults faults) {
        this.lwa = lwa;
        this.limits = limits;
        this.faults = faults;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new SpApiInterceptor(lwa, limits, faults))
                .addPathPatterns(SpApiInterceptor.SP_ROOT + "/**");
    }

    @Override
    public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
        resolvers.add(0, new AmazonSimulatorErrorResolver());
    }
}
