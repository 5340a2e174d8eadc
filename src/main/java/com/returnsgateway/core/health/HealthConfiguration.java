package com.returnsgateway.core.health;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The poll watch of the buyer-reply inbox, named for routes/buyer-replies.camel.yaml ({@code #inboxPolls}). */
@Configuration(proxyBeanMethods = false)
public class HealthConfiguration {

    @Bean
    PollWatch inboxPolls(PollWatches watches) {
        return watches.watch("imap");
    }
}
