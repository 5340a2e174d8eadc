package com.returnsgateway.sandbox;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;

/**
 * Marks a sandbox bean: it exists only when {@code sandbox.simulators.enabled=true} and no
 * {@code sandbox.simulators.base-url} points the gateway at simulators running in another process.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Documented
@ConditionalOnExpression("${sandbox.simulators.enabled:false} and '${sandbox.simulators.base-url:}'.isEmpty()")
public @interface SandboxEnabled {
}
