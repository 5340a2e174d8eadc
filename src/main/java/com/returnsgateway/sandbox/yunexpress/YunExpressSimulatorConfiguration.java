package com.returnsgateway.sandbox.yunexpress;

import com.returnsgateway.sandbox.SandboxEnabled;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code sandbox.yunexpress.*}. */
@Configuration(proxyBeanMethods = false)
@SandboxEnabled
@EnableConfigurationProperties(YunExpressSimulatorProperties.class)
public class YunExpressSimulatorConfiguration {
}
