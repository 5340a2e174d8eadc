package com.returnsgateway.core.intake;

import com.returnsgateway.core.model.ReturnRequest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Whether a return posted again is the one already received. Both are compared as the intake reads them (text
 * trimmed, defaults filled in, amounts by value), so only what means something else counts: {@code updatedAt} (the
 * sender's change time) never, {@code requestedAt} only when the new body states it (absent, intake stamps it).
 */
@Component
public class ReturnRequestDiff {

    private final JsonMapper json;

    public ReturnRequestDiff(JsonMapper json) {
        this.json = json;
    }

    /** The fields (JSON paths such as {@code items[0].quantity}) whose values differ; empty when the same return. */
    public List<String> differences(ReturnRequest first, ReturnRequest again, boolean compareRequestedAt) {
        ObjectNode a = json.valueToTree(first);
        ObjectNode b = json.valueToTree(again);
        a.remove("updatedAt");
        b.remove("updatedAt");
        if (!compareRequestedAt) {
            a.remove("requestedAt");
            b.remove("requestedAt");
        }
        List<String> fields = new ArrayList<>();
        diff("", a, b, fields);
        return fields;
    }

    private static void diff(String path, JsonNode a, JsonNode b, List<String> fields) {
        boolean noA = a == null || a.isNull() || a.isMissingNode();
        boolean noB = b == null || b.isNull() || b.isMissingNode();
        if (noA || noB) {
            if (noA != noB) {
                fields.add(path);
            }
        } else if (a.isObject() && b.isObject()) {
            Set<String> names = new LinkedHashSet<>(a.propertyNames());
            names.addAll(b.propertyNames());
            names.forEach(name -> diff(path.isEmpty() ? name : path + "." + name, a.get(name), b.get(name), fields));
        } else if (a.isArray() && b.isArray()) {
            for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                diff(path + "[" + i + "]", a.get(i), b.get(i), fields);
            }
        } else if (a.isNumber() && b.isNumber()) {
            if (a.decimalValue().compareTo(b.decimalValue()) != 0) {
                fields.add(path);
            }
        } else if (!a.equals(b)) {
            fields.add(path);
        }
    }
}
