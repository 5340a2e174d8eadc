package com.returnsgateway.core.config;

import java.util.List;
import org.springframework.core.env.Environment;

/**
 * What an adapter refuses to run with in production (profile {@code prod}): each problem names the setting to change.
 * {@link ProductionSafety} collects every check's problems with its own before any ordinary bean is made, so an
 * implementation must need nothing but the environment (bind what it needs with {@code Binder.get(environment)}).
 */
public interface ProductionCheck {

    List<String> problems(Environment environment);
}
