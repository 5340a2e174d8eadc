package com.returnsgateway.openapi;

import com.returnsgateway.adapter.amazon.AmazonRefunds.AmazonRefund;
import com.returnsgateway.api.ApiRole;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * What {@code /v3/api-docs} says beyond what springdoc reads from the controllers: how to authenticate, the role each
 * operation needs (as {@code api.SecurityConfig} decides; {@code ApiDocsTest} calls each operation as each role to
 * check), 401 and 403 on every operation, every error as RFC 9457 problem details, the return object
 * {@code POST /api/returns} takes (from the marketplace contract, where the same object is served), and the Amazon
 * refund a case detail may carry.
 */
@Component
class ApiDescription implements OpenApiCustomizer {

    static final String ROLES_EXTENSION = "x-roles";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM = "#/components/schemas/Problem";
    private static final String RETURN_OBJECT_PREFIX = "ReturnObject";

    private final ContractDocuments documents;

    ApiDescription(ContractDocuments documents) {
        this.documents = documents;
    }

    @Override
    public void customise(OpenAPI api) {
        api.setInfo(new Info()
                .title("returns-gateway API")
                .version("1")
                .description("""
                        Return requests in, cases out: the back office pushes returns (POST /api/returns), operators \
                        and tools read cases, their labels and the quarantine, and act on cases (retry, received, \
                        return tracking). Every call needs HTTP basic or an API key (X-API-Key, or Authorization: \
                        Bearer) of a principal holding the operation's role (x-roles). A POST with a body sends it as \
                        application/json (415 otherwise); a POST without one sends X-Requested-By: <your tool> \
                        (403 otherwise). Errors are application/problem+json (RFC 9457)."""));
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.setComponents(components);
        Components shared = documents.load(ContractDocuments.API_SHARED).getComponents();
        shared.getSecuritySchemes().forEach(components::addSecuritySchemes);
        shared.getSchemas().forEach(components::addSchemas);
        documents.load(ContractDocuments.MARKETPLACE).getComponents().getSchemas().forEach((name, schema) -> {
            if (name.startsWith(RETURN_OBJECT_PREFIX)) {
                components.addSchemas(name, schema);
            }
        });
        api.setSecurity(shared.getSecuritySchemes().keySet().stream()
                .map(scheme -> new SecurityRequirement().addList(scheme)).toList());
        describeAmazonRefund(components);
        if (api.getPaths() != null) {
            api.getPaths().forEach((path, item) -> item.readOperationsMap()
                    .forEach((method, operation) -> describe(method, path, operation)));
        }
    }

    /** The roles that may call an operation, as api.SecurityConfig grants them. */
    static List<ApiRole> rolesFor(PathItem.HttpMethod method, String path) {
        if (method == PathItem.HttpMethod.POST && path.equals("/api/returns")) {
            return List.of(ApiRole.INTAKE);
        }
        if (method == PathItem.HttpMethod.GET) {
            return List.of(ApiRole.VIEWER, ApiRole.OPERATOR);
        }
        return List.of(ApiRole.OPERATOR);
    }

    private static void describe(PathItem.HttpMethod method, String path, Operation operation) {
        List<String> roles = rolesFor(method, path).stream().map(ApiRole::configName).toList();
        operation.addExtension(ROLES_EXTENSION, roles);
        String needs = "Roles: " + String.join(" or ", roles) + ".";
        operation.setDescription(operation.getDescription() == null ? needs : operation.getDescription() + "\n\n" + needs);
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        if (!responses.containsKey("401")) {
            responses.addApiResponse("401", new ApiResponse().description(
                    "No credentials, or wrong ones (WWW-Authenticate: Basic)"));
        }
        if (!responses.containsKey("403")) {
            responses.addApiResponse("403", new ApiResponse().description("The principal's roles do not allow this call"
                    + (method == PathItem.HttpMethod.GET ? "" : ", or a POST without a body lacks X-Requested-By")));
        }
        // springdoc gives an error response the handler's own media type (or */*): errors are problem details
        Map<String, ApiResponse> sorted = new LinkedHashMap<>();
        responses.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> sorted.put(e.getKey(), e.getValue()));
        responses.clear();
        sorted.forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                response.setContent(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new JsonSchema().$ref(PROBLEM))));
            }
            responses.addApiResponse(code, response);
        });
    }

    /**
     * {@code amazonRefund} is what the Amazon adapter keeps about a case's refund (the feed and message it went in,
     * Amazon's result); the API sees it only as an object, so its schema is named here. Null for other marketplaces
     * and in the case list.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void describeAmazonRefund(Components components) {
        Schema caseView = components.getSchemas() == null ? null : components.getSchemas().get("CaseView");
        if (caseView == null || caseView.getProperties() == null) {
            return;
        }
        Map<String, Schema> schemas = ModelConverters.getInstance(true)
                .readAll(new AnnotatedType(AmazonRefund.class));
        schemas.forEach(components::addSchemas);
        Schema<?> reference = new JsonSchema().$ref("#/components/schemas/AmazonRefund");
        Schema<?> nullable = new JsonSchema().description(
                "For an Amazon marketplace's case: the refund's feed and message, how many feeds carried it, Amazon's"
                        + " result; null otherwise, and in the case list");
        nullable.setOneOf(new ArrayList<>(List.of(reference, new JsonSchema().types(Set.of("null")))));
        ((Map<String, Schema>) caseView.getProperties()).put("amazonRefund", nullable);
    }
}
