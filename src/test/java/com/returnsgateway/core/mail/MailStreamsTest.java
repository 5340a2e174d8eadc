package com.returnsgateway.core.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.util.StreamProvider;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The stream provider the gateway names is the one Jakarta Mail would otherwise look for on every MIME part. */
class MailStreamsTest {

    @Test
    void theNamedProviderIsTheOneTheServiceLoaderFinds() {
        assertThat(ServiceLoader.load(StreamProvider.class).stream().map(p -> p.type().getName()))
                .contains(MailStreams.ANGUS_PROVIDER);

        MailStreams.nameTheProvider();

        assertThat(System.getProperty(StreamProvider.class.getName())).isEqualTo(MailStreams.ANGUS_PROVIDER);
        assertThat(StreamProvider.provider().getClass().getName()).isEqualTo(MailStreams.ANGUS_PROVIDER);
    }
}
