package com.returnsgateway.core.metrics;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The gateway's meters, all named {@code gateway.*}: see the classes of this package and README "Metrics". */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MetricsSettings.class)
public class MetricsConfiguration {
}
