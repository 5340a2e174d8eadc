package com.returnsgateway.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The groups of the Swagger UI's dropdown: {@code api} (the same as {@code /v3/api-docs}: every path under
 * {@code /api}, so endpoints added there appear by themselves) and the two contracts the gateway calls, served from
 * their files at {@code /v3/api-docs/forwarder-contract} and {@code /v3/api-docs/marketplace-contract}.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

    static final String API_PATHS = "/api/**";

    @Bean
    GroupedOpenApi apiGroup(ApiDescription description) {
        return GroupedOpenApi.builder()
                .group("api")
                .displayName("API (/api)")
                .pathsToMatch(API_PATHS)
                .addOpenApiCustomizer(description)
                .build();
    }

    @Bean
    GroupedOpenApi forwarderContractGroup(ContractDocuments documents) {
        return contract(ContractDocuments.FORWARDER, "Forwarder contract (type http, the gateway calls it)", documents);
    }

    @Bean
    GroupedOpenApi marketplaceContractGroup(ContractDocuments documents) {
        return contract(ContractDocuments.MARKETPLACE, "Marketplace contract (type generic, the gateway calls it)",
                documents);
    }

    /** A group whose description is the file's, whatever handlers this process has (the gateway is their client). */
    private static GroupedOpenApi contract(String name, String displayName, ContractDocuments documents) {
        return GroupedOpenApi.builder()
                .group(name)
                .displayName(displayName)
                .pathsToMatch("/v3/api-docs/" + name)
                .addOpenApiMethodFilter(method -> false)
                .addOpenApiCustomizer(openApi -> replace(openApi, documents.load(name)))
                .build();
    }

    private static void replace(OpenAPI target, OpenAPI file) {
        target.setInfo(file.getInfo());
        target.setServers(file.getServers());
        target.setTags(file.getTags());
        target.setPaths(file.getPaths());
        target.setComponents(file.getComponents());
        target.setSecurity(file.getSecurity());
        target.setExternalDocs(file.getExternalDocs());
    }
}
