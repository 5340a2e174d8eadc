package com.returnsgateway.openapi;

import io.swagger.v3.core.util.Yaml31;
import io.swagger.v3.oas.models.OpenAPI;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The OpenAPI documents written by hand ({@code src/main/resources/openapi/*.yaml}, OpenAPI 3.1): the contracts the
 * gateway calls as a client, and the shared parts of the API's own description. Each call reads a fresh copy, so a
 * customizer may change what it gets.
 */
@Component
public class ContractDocuments {

    public static final String FORWARDER = "forwarder-contract";
    public static final String MARKETPLACE = "marketplace-contract";
    static final String API_SHARED = "api-shared";

    public OpenAPI load(String name) {
        ClassPathResource resource = new ClassPathResource("openapi/" + name + ".yaml");
        try (InputStream in = resource.getInputStream()) {
            return Yaml31.mapper().readValue(in, OpenAPI.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the OpenAPI document " + resource.getPath() + ": "
                    + e.getMessage(), e);
        }
    }
}
