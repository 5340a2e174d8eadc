/**
 * The gateway's OpenAPI descriptions, served by springdoc: {@code /v3/api-docs} (the {@code /api} endpoints, from the
 * controllers and their records) and the contracts the gateway calls as a client (the generic forwarder and
 * marketplace HTTP contracts, written by hand in {@code src/main/resources/openapi/}). Swagger UI at
 * {@code /swagger-ui.html} lists all three.
 */
package com.returnsgateway.openapi;
