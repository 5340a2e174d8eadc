package com.returnsgateway.sandbox.amazon;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller method as a Selling Partner API operation: {@link SpApiInterceptor} authenticates the
 * {@code x-amz-access-token}, applies the operation's rate limit and sets Amazon's response headers before it runs.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Documented
public @interface SpApi {
    SpOperation value();
}
