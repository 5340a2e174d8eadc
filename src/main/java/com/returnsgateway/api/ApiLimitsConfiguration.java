package com.returnsgateway.api;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/** Limits on what the API reads: request bodies over {@code gateway.api.max-body-size} are refused with 413. */
@Configuration(proxyBeanMethods = false)
public class ApiLimitsConfiguration {

    @Bean
    FilterRegistrationBean<ApiBodySizeLimit> apiBodySizeLimit(
            @Value("${gateway.api.max-body-size:256KB}") DataSize maxBodySize, JsonMapper json) {
        FilterRegistrationBean<ApiBodySizeLimit> registration =
                new FilterRegistrationBean<>(new ApiBodySizeLimit(maxBodySize, json));
        registration.addUrlPatterns("/api/*");
        // before Spring Security (-100): an oversized body is refused without being read
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
