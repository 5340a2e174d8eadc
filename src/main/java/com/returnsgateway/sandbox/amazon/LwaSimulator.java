package com.returnsgateway.sandbox.amazon;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.returnsgateway.sandbox.SandboxEnabled;

import tools.jackson.databind.JsonNode;

/**
 * Login with Amazon and the Tokens API: exchanges a seller's refresh token for an access token, issues restricted
 * data tokens (RDT) for PII, and tells for every SP-API call which seller a token speaks for and what it may see.
 * Expiry follows the injected {@link Clock}. Thread-safe.
 */
@Component
@SandboxEnabled
public class LwaSimulator {

    static final String ACCESS_TOKEN_PREFIX = "Atza|";
    static final String RDT_PREFIX = "Atz.sprdt|";
    /** The data elements the Tokens API 2021-03-01 model names for the Orders API. */
    static final Set<String> DATA_ELEMENTS = Set.of("buyerInfo", "shippingAddress", "buyerTaxInformation");
    /**
     * The Orders API's restricted operations an RDT can be asked for (getOrders, getOrder, getOrderAddress,
     * getOrderBuyerInfo, getOrderItems, getOrderItemsBuyerInfo); {@code {orderId}} stands for a specific order id or a
     * generic {@code {...}} segment. Restricted operations of other APIs are outside what the sandbox simulates.
     */
    static final List<String> RESTRICTED_PATHS = List.of("/orders/v0/orders", "/orders/v0/orders/{orderId}",
            "/orders/v0/orders/{orderId}/address", "/orders/v0/orders/{orderId}/buyerInfo",
            "/orders/v0/orders/{orderId}/orderItems", "/orders/v0/orders/{orderId}/orderItems/buyerInfo");
    private static final int SWEEP_ABOVE = 1000;

    private final SimulatedSellers sellers;
    private final Clock clock;
    private final Duration accessTokenLifetime;
    private final Duration rdtLifetime;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, IssuedToken> tokens = new ConcurrentHashMap<>();
    private final AtomicLong exchanges = new AtomicLong();
    private final AtomicLong refusedExchanges = new AtomicLong();
    private final AtomicLong restrictedDataTokens = new AtomicLong();

    @Autowired
    public LwaSimulator(SimulatedSellers sellers, AmazonSimulatorProperties properties, ObjectProvider<Clock> clock) {
        this(sellers, properties, clock.getIfAvailable(Clock::systemUTC));
    }

    LwaSimulator(SimulatedSellers sellers, AmazonSimulatorProperties properties, Clock clock) {
        this.sellers = sellers;
        this.clock = clock;
        this.accessTokenLifetime = properties.getAccessTokenLifetime();
        this.rdtLifetime = properties.getRestrictedDataTokenLifetime();
    }

    /** One restricted resource an RDT covers: a method and a path, where {@code {name}} stands for any one segment. */
    record Grant(String method, String path, Set<String> dataElements) {

        boolean covers(String calledMethod, String calledPath) {
            if (!method.equalsIgnoreCase(calledMethod)) {
                return false;
            }
            String[] want = path.split("/", -1);
            String[] got = calledPath.split("/", -1);
            if (want.length != got.length) {
                return false;
            }
            for (int i = 0; i < want.length; i++) {
                boolean any = want[i].startsWith("{") && want[i].endsWith("}") && !got[i].isEmpty();
                if (!any && !want[i].equals(got[i])) {
                    return false;
                }
            }
            return true;
        }
    }

    private record IssuedToken(String sellerId, Instant expiresAt, List<Grant> grants) {

        boolean restricted() {
            return grants != null;
        }
    }

    /** What the token endpoint answers. */
    public record AccessToken(String accessToken, long expiresIn, String refreshToken) {
    }

    /** The refresh-token grant; refusals are {@link LwaException}s. */
    public AccessToken exchange(String grantType, String refreshToken, String clientId, String clientSecret) {
        if (grantType == null || grantType.isBlank()) {
            refusedExchanges.incrementAndGet();
            throw new LwaException("invalid_request", "The request is missing a required parameter : grant_type");
        }
        if (!grantType.equals("refresh_token")) {
            refusedExchanges.incrementAndGet();
            throw new LwaException("unsupported_grant_type", "The authorization grant type " + grantType
                    + " is not supported by the authorization server");
        }
        for (String[] required : new String[][]{{"refresh_token", refreshToken}, {"client_id", clientId},
                {"client_secret", clientSecret}}) {
            if (required[1] == null || required[1].isBlank()) {
                refusedExchanges.incrementAndGet();
                throw new LwaException("invalid_request", "The request is missing a required parameter : "
                        + required[0]);
            }
        }
        boolean knownClient = sellers.all().stream()
                .anyMatch(s -> s.clientId().equals(clientId) && s.clientSecret().equals(clientSecret));
        if (!knownClient) {
            refusedExchanges.incrementAndGet();
            throw new LwaException("invalid_client", "Client authentication failed");
        }
        SimulatedSeller seller = sellers.byRefreshToken(refreshToken)
                .filter(s -> s.clientId().equals(clientId))
                .orElse(null);
        if (seller == null) {
            refusedExchanges.incrementAndGet();
            throw new LwaException("invalid_grant", "The request has an invalid grant parameter : refresh_token");
        }
        String token = ACCESS_TOKEN_PREFIX + randomText();
        put(token, new IssuedToken(seller.sellerId(), clock.instant().plus(accessTokenLifetime), null));
        exchanges.incrementAndGet();
        return new AccessToken(token, accessTokenLifetime.toSeconds(), refreshToken);
    }

    /**
     * The caller of an SP-API call with this {@code x-amz-access-token}, or 403. A restricted data token only works
     * for the method and paths (relative to the SP-API root) it was issued for.
     */
    public SpCaller authenticate(String token, String method, String path) {
        if (token == null || token.isBlank()) {
            throw SpApiException.unauthorized("The request has no x-amz-access-token header.");
        }
        IssuedToken issued = tokens.get(token.trim());
        if (issued == null) {
            throw SpApiException.unauthorized("The access token you provided is not valid.");
        }
        if (!clock.instant().isBefore(issued.expiresAt())) {
            throw SpApiException.unauthorized(issued.restricted()
                    ? "The restricted data token you provided has expired."
                    : "The access token you provided has expired.");
        }
        if (sellers.find(issued.sellerId()).isEmpty()) {
            throw SpApiException.unauthorized("The selling partner of this token has revoked the authorisation.");
        }
        if (!issued.restricted()) {
            return new SpCaller(issued.sellerId(), false, Set.of());
        }
        Set<String> elements = new LinkedHashSet<>();
        boolean covered = false;
        for (Grant grant : issued.grants()) {
            if (grant.covers(method, path)) {
                covered = true;
                elements.addAll(grant.dataElements());
            }
        }
        if (!covered) {
            throw SpApiException.unauthorized("The restricted data token you provided does not cover " + method + " "
                    + path + ".");
        }
        return new SpCaller(issued.sellerId(), true, elements);
    }

    /** What createRestrictedDataToken answers. */
    public record RestrictedDataToken(String token, long expiresIn) {
    }

    /**
     * createRestrictedDataToken: {@code {"restrictedResources":[{"method","path","dataElements"?}]}} for the Orders
     * API's restricted paths ({@link #RESTRICTED_PATHS}); anything else is 400 InvalidInput. 403 when the seller has
     * not given the application the restricted role.
     */
    public RestrictedDataToken restrictedDataToken(SpCaller caller, JsonNode body) {
        if (caller.restricted()) {
            throw SpApiException.unauthorized("A restricted data token cannot create another one.");
        }
        AmazonJson.requireObject(body, "the request");
        JsonNode resources = body.get("restrictedResources");
        if (resources == null || !resources.isArray() || resources.isEmpty()) {
            throw SpApiException.invalidInput("restrictedResources is required and must be a non-empty array");
        }
        List<Grant> grants = new ArrayList<>();
        Set<String> requested = new LinkedHashSet<>();
        for (int i = 0; i < resources.size(); i++) {
            JsonNode r = resources.get(i);
            String where = "restrictedResources[" + i + "].";
            if (!r.isObject()) {
                throw SpApiException.invalidInput(where + " must be an object");
            }
            String method = AmazonJson.text(r, "method");
            String path = AmazonJson.text(r, "path");
            if (method == null || path == null) {
                throw SpApiException.invalidInput(where + "method and " + where + "path are required");
            }
            if (!method.equals("GET")) {
                throw SpApiException.invalidInput(where + "method " + method + " is not a restricted operation's "
                        + "method (GET)");
            }
            if (RESTRICTED_PATHS.stream().noneMatch(p -> new Grant(method, p, Set.of()).covers(method, path))) {
                throw SpApiException.invalidInput(where + "path " + path + " is not a restricted resource; use "
                        + "one of " + RESTRICTED_PATHS + " (a specific order id or a generic {orderId})");
            }
            Set<String> elements = new LinkedHashSet<>();
            JsonNode de = r.get("dataElements");
            if (de != null && !de.isNull()) {
                if (!de.isArray()) {
                    throw SpApiException.invalidInput(where + "dataElements must be an array");
                }
                for (JsonNode e : de) {
                    String element = e.asString();
                    if (!DATA_ELEMENTS.contains(element)) {
                        throw SpApiException.invalidInput(where + "dataElements: " + element
                                + " is not one of " + DATA_ELEMENTS);
                    }
                    elements.add(element);
                }
            }
            requested.addAll(elements);
            grants.add(new Grant(method, path, elements));
        }
        SimulatedSeller seller = sellers.find(caller.sellerId()).orElseThrow();
        if (!seller.piiRole()) {
            throw new SpApiException(HttpStatus.FORBIDDEN, "Unauthorized",
                    "Application does not have access to one or more requested data elements: ["
                            + String.join(", ", requested) + "]", "");
        }
        String token = RDT_PREFIX + randomText();
        put(token, new IssuedToken(caller.sellerId(), clock.instant().plus(rdtLifetime), List.copyOf(grants)));
        restrictedDataTokens.incrementAndGet();
        return new RestrictedDataToken(token, rdtLifetime.toSeconds());
    }

    private void put(String token, IssuedToken issued) {
        if (tokens.size() > SWEEP_ABOVE) {
            Instant now = clock.instant();
            tokens.values().removeIf(t -> !now.isBefore(t.expiresAt()));
        }
        tokens.put(token, issued);
    }

    private String randomText() {
        byte[] bytes = new byte[48];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public long exchanges() {
        return exchanges.get();
    }

    public long refusedExchanges() {
        return refusedExchanges.get();
    }

    public long restrictedDataTokens() {
        return restrictedDataTokens.get();
    }

    /** Zeroes the counters; issued tokens stay valid, so a client's cached token survives a sandbox reset. */
    public void resetCounters() {
        exchanges.set(0);
        refusedExchanges.set(0);
        restrictedDataTokens.set(0);
    }
}
