package com.returnsgateway.adapter.amazon;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnsgateway.core.config.ProductionSafety;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** With profile prod an Amazon account needs its credentials and HTTPS; refused with the core's problems at once. */
class AmazonProductionCheckTest {

    private final ApplicationContextRunner prod = new ApplicationContextRunner()
            .withUserConfiguration(ProductionSafety.class, AmazonProductionCheck.class)
            .withPropertyValues("spring.profiles.active=prod");

    @Test
    void anAmazonAccountWithoutCredentialsOrOverPlainHttpIsRefused() {
        prod.withPropertyValues("gateway.api.password=Xq7-long-random-secret", "sandbox.simulators.enabled=false",
                        "gateway.marketplaces.amazon-us.type=amazon",
                        "gateway.marketplaces.amazon-us.amazon.client-id=amzn1.application-oa2-client.abc",
                        "gateway.marketplaces.amazon-us.amazon.endpoint=http://sellingpartnerapi-na.amazon.com")
                .run(context -> assertThat(context).getFailure()
                        .hasMessageContaining("gateway.marketplaces.amazon-us.amazon.client-secret is empty")
                        .hasMessageContaining("gateway.marketplaces.amazon-us.amazon.refresh-token is empty")
                        .hasMessageContaining("gateway.marketplaces.amazon-us.amazon.seller-id is empty")
                        .hasMessageContaining("gateway.marketplaces.amazon-us.amazon.marketplace-ids is empty")
                        .hasMessageContaining("Amazon account amazon-us would send its credentials over plain HTTP to"
                                + " http://sellingpartnerapi-na.amazon.com")
                        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("client-id is empty")));
    }

    @Test
    void plainHttpForDocumentUrlsIsRefused() {
        prod.withPropertyValues("gateway.api.password=Xq7-long-random-secret", "sandbox.simulators.enabled=false",
                        "gateway.amazon-api.document-hosts[0]=*.amazonaws.com",
                        "gateway.amazon-api.document-hosts[1]=http://localhost:8080")
                .run(context -> assertThat(context).getFailure().hasMessageContaining(
                        "gateway.amazon-api.document-hosts allows plain http to http://localhost:8080"));
    }

    @Test
    void aCompleteAmazonAccountStarts() {
        prod.withPropertyValues("gateway.api.password=Xq7-long-random-secret", "sandbox.simulators.enabled=false",
                        "gateway.marketplaces.amazon-us.type=amazon",
                        "gateway.marketplaces.amazon-us.amazon.client-id=amzn1.application-oa2-client.abc",
                        "gateway.marketplaces.amazon-us.amazon.client-secret=from-a-secret-file",
                        "gateway.marketplaces.amazon-us.amazon.refresh-token=Atzr|from-the-environment",
                        "gateway.marketplaces.amazon-us.amazon.seller-id=A1B2C3D4E5F6G7",
                        "gateway.marketplaces.amazon-us.amazon.marketplace-ids=ATVPDKIKX0DER")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void theAccountsProblemsComeWithTheCoresInOneMessage() {
        prod.withPropertyValues("sandbox.simulators.enabled=true", "gateway.marketplaces.amazon-us.type=amazon")
                .run(context -> assertThat(context).getFailure()
                        .hasMessageContaining("sandbox.simulators.enabled is true")
                        .hasMessageContaining("gateway.marketplaces.amazon-us.amazon.client-id is empty"));
    }
}
