package com.returnsgateway.sandbox;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code sandbox.*} when the simulators are enabled. */
@Configuration(proxyBeanMethods = false)
@SandboxEnabled
@EnableConfigurationProperties(SandboxProperties.class)
public class SandboxConfiguration {
}
