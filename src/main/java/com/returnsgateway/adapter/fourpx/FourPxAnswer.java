package com.returnsgateway.adapter.fourpx;

import com.returnsgateway.core.remote.HttpResponses;
import com.returnsgateway.core.remote.RemoteCallException;
import java.time.Duration;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 4PX's envelope, {@code {"result":"1"|"0","msg","errors":[{"error_code","error_msg"}],"data"}}, and what its error
 * codes mean for the gateway.
 *
 * @param code    the first error's {@code error_code} ("" on success)
 * @param message the first error's {@code error_msg}, else {@code msg}
 */
record FourPxAnswer(boolean success, String code, String message, JsonNode data, String body) {

    /** The envelope of a 2xx answer; 5xx and 429 are transient, other statuses and unreadable bodies permanent. */
    static FourPxAnswer read(JsonMapper json, int status, String body, String retryAfter, String what) {
        HttpResponses.requireSuccess(status, body, retryAfter, what);
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : json.readTree(body);
        } catch (JacksonException e) {
            throw RemoteCallException.permanent(what + " answered invalid JSON: " + HttpResponses.oneLine(body));
        }
        if (root == null || !root.isObject() || !root.has("result")) {
            throw RemoteCallException.permanent(what + " answered without 4PX's envelope (no \"result\"): "
                    + HttpResponses.oneLine(body));
        }
        // 4PX documents result as the string "1"/"0"; a number is accepted too, unconfirmed but cheap to allow
        JsonNode result = root.get("result");
        boolean success = result.isValueNode() && "1".equals(result.asString().trim());
        JsonNode errors = root.path("errors");
        JsonNode first = errors.isArray() && !errors.isEmpty() ? errors.get(0) : null;
        String code = first == null ? "" : text(first, "error_code");
        String message = first == null ? text(root, "msg") : text(first, "error_msg");
        if (message.isBlank()) {
            message = text(root, "msg");
        }
        return new FourPxAnswer(success, code, message, root.get("data"), body);
    }

    /**
     * The answer says 4PX has nothing for the number asked. Its code for that is not documented (U): an empty data
     * list is the usual form; a business error whose message says so is read the same way.
     */
    boolean noData() {
        if (success) {
            return data == null || data.isNull() || (data.isArray() && data.isEmpty());
        }
        if (code.startsWith("0000") || code.equals("DS000006")) {
            return false; // a system error ("app_key not exist") is never an answer about the parcel
        }
        String text = message.toLowerCase(Locale.ROOT);
        return text.contains("no data") || text.contains("not exist") || text.contains("not found")
                || message.contains("不存在") || message.contains("无数据") || message.contains("查询不到");
    }

    /** The error as the failure the case error policy acts on, with a message an operator can act on. */
    RemoteCallException failure(FourPxForwarders.Account account, String method, String what) {
        String said = " (" + code + (message.isBlank() ? "" : ": " + message) + ")";
        String system = "forwarder " + account.code();
        return switch (code) {
            case "000012" -> RemoteCallException.credentialsRefused(system, "4PX refused the signature" + said
                    + ": check " + account.setting("app-secret"));
            case "000013" -> RemoteCallException.credentialsRefused(system, "4PX does not know the app key" + said
                    + ": check " + account.setting("app-key"));
            case "000014" -> RemoteCallException.credentialsRefused(system, "4PX refused the authentication "
                    + "parameters" + said + ": check " + account.setting("access-token") + " and this server's clock");
            case "000016" -> RemoteCallException.credentialsRefused(system, "4PX has not authorised this app for "
                    + method + said + ": ask 4PX to grant it to the app of " + account.setting("app-key"));
            // "too frequent, retry in 1 min" is the one rate-limit fact 4PX gives; DS000006 is read the same way
            case "000017", "DS000006" -> RemoteCallException.transientFailure(what + ": 4PX says too many calls"
                    + said + "; trying again in a minute", Duration.ofMinutes(1));
            case "000015", "000020" -> RemoteCallException.transientFailure(what + ": 4PX is unavailable" + said,
                    null);
            case "000004" -> RemoteCallException.permanent(what + ": 4PX could not read the request body" + said);
            case "000011" -> RemoteCallException.permanent(what + ": 4PX has no API " + method + " version "
                    + FourPxSigner.version(method) + said);
            default -> RemoteCallException.permanent(what + ": 4PX answered an error" + said + ": "
                    + HttpResponses.oneLine(body));
        };
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return "";
        }
        String text = value.isValueNode() ? value.asString() : value.toString();
        return text.length() > 500 ? text.substring(0, 500) + "..." : text;
    }
}
