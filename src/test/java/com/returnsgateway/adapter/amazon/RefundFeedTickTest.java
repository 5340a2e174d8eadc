package com.returnsgateway.adapter.amazon;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnsgateway.core.config.GatewayProperties;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * When a tick of the refund feed cycle takes another step (the loop of the amazon-refund-feed route): as long as
 * the last step moved the feed to a status not worked on in this tick yet.
 */
class RefundFeedTickTest {

    // the rule reads only the tick's own variables: none of the cycle's collaborators is needed
    private final AmazonRefundFeeds feeds = new AmazonRefundFeeds(null, null, null, null, null, null, null, null, null,
            GatewayProperties.defaults(AmazonConfiguration.AmazonApiProperties.class));
    private final Set<String> taken = new HashSet<>();

    @Test
    void aNewFeedIsBatchedSubmittedAndPolledInOneTick() {
        assertThat(feeds.goesOn("NONE", taken)).as("batch").isTrue();
        assertThat(feeds.goesOn("BUILT", taken)).as("upload and submit").isTrue();
        assertThat(feeds.goesOn("SUBMITTED", taken)).as("poll").isTrue();
        assertThat(feeds.goesOn("SUBMITTED", taken)).as("the poll left it SUBMITTED").isFalse();
    }

    @Test
    void aStepThatLeavesTheStatusAsItWasEndsTheTick() {
        assertThat(feeds.goesOn("NONE", taken)).isTrue();
        assertThat(feeds.goesOn("NONE", taken)).as("nothing to batch").isFalse();
    }

    @Test
    void aLostCreateFeedFoundNotCreatedIsSubmittedAgainInTheSameTickButNotTwice() {
        assertThat(feeds.goesOn("SUBMITTING", taken)).as("reconcile").isTrue();
        assertThat(feeds.goesOn("BUILT", taken)).as("upload and submit").isTrue();
        assertThat(feeds.goesOn("BUILT", taken)).as("createFeed's rate spent").isFalse();
    }

    @Test
    void anUncertainFeedIsAlertedOnce() {
        assertThat(feeds.goesOn("SUBMITTING", taken)).isTrue();
        assertThat(feeds.goesOn("UNCERTAIN", taken)).as("alert").isTrue();
        assertThat(feeds.goesOn("UNCERTAIN", taken)).isFalse();
    }

    @Test
    void aCycleAnotherInstanceHoldsTakesNoStep() {
        assertThat(feeds.goesOn("ELSEWHERE", taken)).isFalse();
    }
}
