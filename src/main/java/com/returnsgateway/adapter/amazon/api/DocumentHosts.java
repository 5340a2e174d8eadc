package com.returnsgateway.adapter.amazon.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * Where pre-signed document URLs from Amazon's answers may lead ({@code gateway.amazon-api.document-hosts}): a URL
 * that came over the wire is followed only over https and to a listed host, so an answer that was tampered with or
 * mistaken cannot send the gateway's requests (or a refund document) elsewhere. An entry is a host
 * ({@code s3.amazonaws.com}), a domain with its subdomains ({@code *.amazonaws.com}), or a full origin with scheme and
 * port ({@code http://localhost:8080}), the one way to allow plain http, meant for the sandbox simulator.
 */
public final class DocumentHosts {

    static final String SETTING = "gateway.amazon-api.document-hosts";

    private record Entry(String scheme, String host, boolean subdomains, int port) {

        boolean matches(URI url) {
            String host = url.getHost().toLowerCase(Locale.ROOT);
            boolean hostMatches = subdomains ? host.endsWith("." + this.host) : host.equals(this.host);
            return hostMatches && scheme.equals(url.getScheme().toLowerCase(Locale.ROOT))
                    && (port < 0 || port == effectivePort(url));
        }
    }

    private final List<String> entries;
    private final List<Entry> parsed;

    public DocumentHosts(List<String> entries) {
        this.entries = entries == null ? List.of() : List.copyOf(entries);
        this.parsed = this.entries.stream().map(DocumentHosts::entry).toList();
    }

    /** The URL to follow, or a permanent {@link SpApiException} naming the host when it is not allowed. */
    public URI check(String account, String url, String what) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw refused(account, what, "is not a valid URL (" + e.getReason() + ")");
        }
        if (uri.getScheme() == null || uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw refused(account, what, "is not an absolute URL with a host");
        }
        if (parsed.stream().noneMatch(entry -> entry.matches(uri))) {
            throw refused(account, what, "leads to " + uri.getScheme() + "://" + uri.getHost()
                    + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + ", which " + SETTING + " " + entries
                    + " does not allow (https to a listed host only)");
        }
        return uri;
    }

    private static SpApiException refused(String account, String what, String why) {
        return new SpApiException("Amazon " + account + ": the URL of the " + what + " " + why + "; not followed",
                false, null, 0, "DocumentUrlRefused");
    }

    private static Entry entry(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (value.contains("://")) {
            URI origin = URI.create(value);
            if (origin.getHost() == null || !List.of("http", "https").contains(origin.getScheme())) {
                throw new IllegalArgumentException(SETTING + ": '" + text + "' is not a host or an http(s) origin");
            }
            return new Entry(origin.getScheme(), origin.getHost(), false, origin.getPort() < 0 ? -1
                    : effectivePort(origin));
        }
        boolean subdomains = value.startsWith("*.");
        String host = subdomains ? value.substring(2) : value;
        if (host.isEmpty() || host.contains("*") || host.contains("/") || host.contains(":")) {
            throw new IllegalArgumentException(SETTING + ": '" + text + "' is not a host, *.domain or origin");
        }
        return new Entry("https", host, subdomains, -1);
    }

    private static int effectivePort(URI url) {
        if (url.getPort() >= 0) {
            return url.getPort();
        }
        return "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }
}
