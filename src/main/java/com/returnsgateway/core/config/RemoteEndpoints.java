package com.returnsgateway.core.config;

import java.util.Map;
import org.springframework.core.env.Environment;

/**
 * The remote endpoints an adapter calls that no {@code gateway.*} setting names, because they have defaults (say,
 * Amazon's own hosts), by the setting that would change each. {@link SandboxFence} refuses a sandbox whose endpoints
 * leave the machine. Like a {@link ProductionCheck}, an implementation is made before any ordinary bean: it must need
 * nothing but the environment.
 */
public interface RemoteEndpoints {

    Map<String, String> endpoints(Environment environment);
}
