package com.returnsgateway.core.mail;

import jakarta.mail.util.StreamProvider;

/**
 * Names Jakarta Mail's stream provider (Angus Mail's) in the system property Jakarta Mail reads first. Without it,
 * Jakarta Mail finds the provider with a service-loader scan of the whole class path every time it builds, writes or
 * parses a MIME part: in the benchmark's profile that scan was about 15 % of the gateway's CPU per case.
 */
public final class MailStreams {

    static final String ANGUS_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    private MailStreams() {
    }

    /** Sets the property unless something else has named a provider already. */
    public static void nameTheProvider() {
        System.getProperties().putIfAbsent(StreamProvider.class.getName(), ANGUS_PROVIDER);
    }
}
