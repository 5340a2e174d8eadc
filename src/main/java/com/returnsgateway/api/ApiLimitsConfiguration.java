package com.returnsgateway.api;

import com.returnsgateway.core.config.GatewayProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/** Limits on what the API reads: request bodies over {@code gateway.api.max-body-size} are refused with 413. */
@Configuration(proxyBeanMethods = false)
public class ApiLimitsConfiguration {

    @Bean
    FilterRegistrationBean<ApiBodySizeLimit> apiBodySizeLimit(GatewayProperties properties, JsonMapper json) {
        FilterRegistrationBean<ApiBodySizeLimit> registration =
                new FilterRegistrationBean<>(new ApiBodySizeLimit(properties.api().maxBodySize(), json));
        registration.addUrlPatterns("/api/*");
        // before Spring Security (-100): an oversized body is refused without being read
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
