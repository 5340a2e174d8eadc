package com.returnsgateway.adapter.amazon.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentHostsTest {

    private final DocumentHosts hosts = new DocumentHosts(List.of("*.amazonaws.com", "http://localhost:8080"));

    @Test
    void amazonsS3HostsAreFollowedOverHttps() {
        assertThat(hosts.check("amazon-us", "https://tortuga-prod-na.s3-external-1.amazonaws.com/r?X-Amz-Signature=a",
                "report").getHost()).isEqualTo("tortuga-prod-na.s3-external-1.amazonaws.com");
    }

    @Test
    void theSandboxOriginIsFollowedOverHttpOnItsOwnPort() {
        assertThat(hosts.check("amazon-us", "http://localhost:8080/sandbox/amazon/s3/x", "report").getPort())
                .isEqualTo(8080);
        assertRefused("http://localhost:9999/sandbox/amazon/s3/x", "leads to http://localhost:9999");
        assertRefused("https://localhost/x", "leads to https://localhost");
    }

    @Test
    void lookAlikesAndOtherSchemesAreRefused() {
        assertRefused("https://amazonaws.com.attacker.example/x", "leads to https://amazonaws.com.attacker.example");
        assertRefused("https://evilamazonaws.com/x", "leads to https://evilamazonaws.com");
        assertRefused("http://bucket.s3.amazonaws.com/x", "leads to http://bucket.s3.amazonaws.com");
        assertRefused("file:///etc/passwd", "is not an absolute URL with a host");
        assertRefused("https://user@bucket.s3.amazonaws.com/x", "is not an absolute URL with a host");
        assertRefused("/relative/path", "is not an absolute URL with a host");
    }

    @Test
    void aMalformedEntryIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new DocumentHosts(List.of("ftp://files.example")))
                .hasMessageContaining("gateway.amazon-api.document-hosts: 'ftp://files.example'");
        assertThatThrownBy(() -> new DocumentHosts(List.of("s3.*.amazonaws.com")))
                .hasMessageContaining("gateway.amazon-api.document-hosts: 's3.*.amazonaws.com'");
    }

    private void assertRefused(String url, String why) {
        assertThatThrownBy(() -> hosts.check("amazon-us", url, "returns report document"))
                .isInstanceOfSatisfying(SpApiException.class, e -> {
                    assertThat(e.isTransient()).isFalse();
                    assertThat(e.getMessage()).startsWith("Amazon amazon-us: the URL of the returns report document")
                            .contains(why).endsWith("; not followed");
                });
    }
}
