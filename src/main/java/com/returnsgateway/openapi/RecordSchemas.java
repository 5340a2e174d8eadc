package com.returnsgateway.openapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Which fields of a record may be null, in the schema as in the code: a component is required and never null unless
 * it is marked JSpecify {@code @Nullable}, which makes it optional and adds {@code null} to its types (or, for an
 * object or enum, a {@code oneOf} with {@code null}). Primitives are always required. swagger-core reads neither
 * JSpecify's type-use annotations nor records' nullness (swagger-core issue 4848), so this converter does.
 */
@Component
class RecordSchemas implements ModelConverter {

    private static final Schema<?> NULL = new JsonSchema().types(Set.of("null"));

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        if (!chain.hasNext()) {
            return null;
        }
        Schema<?> resolved = chain.next().resolve(type, context, chain);
        Class<?> raw = type.getType() == null ? null : Json.mapper().constructType(type.getType()).getRawClass();
        if (resolved == null || raw == null || !raw.isRecord()) {
            return resolved;
        }
        Schema<?> model = resolved;
        if (resolved.get$ref() != null) {
            model = context.getDefinedModels().get(resolved.get$ref().substring(resolved.get$ref().lastIndexOf('/') + 1));
        }
        if (model != null && model.getProperties() != null) {
            describeNulls(raw, model);
        }
        return resolved;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void describeNulls(Class<?> record, Schema<?> model) {
        Map<String, Schema> properties = (Map) model.getProperties();
        List<String> required = new ArrayList<>();
        for (RecordComponent component : record.getRecordComponents()) {
            JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
            String name = renamed == null || renamed.value().isEmpty() ? component.getName() : renamed.value();
            Schema<?> property = properties.get(name);
            if (property == null) {
                continue;
            }
            if (!isNullable(component)) {
                required.add(name);
            } else if (!isMarkedNullable(property)) {
                properties.put(name, nullable(property));
            }
        }
        model.setRequired(required.isEmpty() ? null : required);
    }

    private static boolean isNullable(RecordComponent component) {
        return !component.getType().isPrimitive()
                && component.getAnnotatedType().isAnnotationPresent(Nullable.class);
    }

    private static boolean isMarkedNullable(Schema<?> property) {
        return (property.getTypes() != null && property.getTypes().contains("null"))
                || (property.getOneOf() != null && property.getOneOf().stream()
                .anyMatch(s -> s.getTypes() != null && s.getTypes().equals(Set.of("null"))));
    }

    /** The property's schema that also allows null; description and examples stay outside the oneOf. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> nullable(Schema property) {
        if (property.get$ref() == null && property.getEnum() == null && property.getTypes() != null) {
            Set<String> types = new LinkedHashSet<>(property.getTypes());
            types.add("null");
            property.setTypes(types);
            return property;
        }
        Schema<?> either = new JsonSchema().description(property.getDescription());
        property.setDescription(null);
        either.setOneOf(List.of(property, NULL));
        return either;
    }
}
