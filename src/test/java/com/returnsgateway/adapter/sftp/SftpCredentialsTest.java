package com.returnsgateway.adapter.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.returnsgateway.testsupport.TestPorts;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * An SFTP forwarder logs in with a password or a private key (with its passphrase), and neither the password nor the
 * passphrase is ever part of the endpoint URI: camel-ftp gets them as {@code #property:} references.
 */
class SftpCredentialsTest {

    private static final String PASSWORD = "pw-S3cret&x=y)";
    private static final String PASSPHRASE = "key-Passphrase-9";

    @TempDir
    Path dir;

    private SshServer server;

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.stop(true);
        }
    }

    @Test
    void theEndpointUriHoldsNoSecret() {
        SftpSettings sftp = settings(Map.of("password", PASSWORD, "private-key-file", "/run/secrets/cargo_key",
                "private-key-passphrase", PASSPHRASE));

        String uri = SftpForwarderRoutes.uri("cargo", sftp, "outbound");

        assertThat(uri).doesNotContain(PASSWORD, PASSPHRASE, "RAW(")
                .contains("password=#property:gateway.forwarders.cargo.sftp.password")
                .contains("privateKeyFile=/run/secrets/cargo_key")
                .contains("privateKeyPassphrase=#property:gateway.forwarders.cargo.sftp.private-key-passphrase");
    }

    @Test
    void aPasswordGivenByReferenceLogsIn() throws Exception {
        start(false);
        uploadsWith(settings(Map.of("password", PASSWORD)), Map.of("gateway.forwarders.cargo.sftp.password", PASSWORD));
    }

    @Test
    void aPrivateKeyWithAPassphraseLogsIn() throws Exception {
        KeyPair key = start(true);
        Path keyFile = dir.resolve("cargo_key");
        OpenSSHKeyEncryptionContext encryption = new OpenSSHKeyEncryptionContext();
        encryption.setPassword(PASSPHRASE);
        encryption.setCipherName("AES");
        encryption.setCipherType("256");
        try (OutputStream out = Files.newOutputStream(keyFile)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(key, "returns-gateway", encryption, out);
        }

        uploadsWith(settings(Map.of("private-key-file", keyFile.toString(), "private-key-passphrase", PASSPHRASE)),
                Map.of("gateway.forwarders.cargo.sftp.private-key-passphrase", PASSPHRASE));
    }

    private void uploadsWith(SftpSettings sftp, Map<String, String> secrets) throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            Properties properties = new Properties();
            properties.putAll(secrets);
            camel.getPropertiesComponent().setInitialProperties(properties);
            camel.start();
            camel.createProducerTemplate().sendBodyAndHeader(SftpForwarderRoutes.uri("cargo", sftp, "inbound"),
                    "request_id,waybill\r\n", "CamelFileName", "intercepts-1.csv");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(dir.resolve("sftp/inbound/intercepts-1.csv")));
    }

    /** The forwarder's server: password login, or public-key login only when {@code keyOnly} (the key it accepts). */
    private KeyPair start(boolean keyOnly) throws Exception {
        Files.createDirectories(dir.resolve("sftp/inbound"));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair client = generator.generateKeyPair();
        SimpleGeneratorHostKeyProvider hostKeys = new SimpleGeneratorHostKeyProvider(dir.resolve("hostkey.ser"));
        hostKeys.setAlgorithm(KeyUtils.EC_ALGORITHM);
        hostKeys.setKeySize(256);
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(TestPorts.free());
        server.setKeyPairProvider(hostKeys);
        if (keyOnly) {
            server.setPublickeyAuthenticator((user, key, session) -> "forwarder".equals(user)
                    && KeyUtils.compareKeys(key, client.getPublic()));
        } else {
            server.setPasswordAuthenticator((user, password, session) -> "forwarder".equals(user)
                    && PASSWORD.equals(password));
        }
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setFileSystemFactory(new VirtualFileSystemFactory(dir.resolve("sftp")));
        server.start();
        Files.writeString(dir.resolve("known_hosts"), "[localhost]:" + server.getPort() + " "
                + PublicKeyEntry.toString(hostKeys.loadKeys(null).get(0).getPublic()) + "\n");
        return client;
    }

    private SftpSettings settings(Map<String, String> credentials) {
        Map<String, String> all = new java.util.HashMap<>(credentials);
        all.put("host", "localhost");
        all.put("port", String.valueOf(server == null ? 22 : server.getPort()));
        all.put("username", "forwarder");
        all.put("known-hosts-file", dir.resolve("known_hosts").toString());
        Map<String, String> prefixed = new java.util.HashMap<>();
        all.forEach((k, v) -> prefixed.put("gateway.forwarders.cargo.sftp." + k, v));
        return new Binder(new MapConfigurationPropertySource(prefixed))
                .bindOrCreate("gateway.forwarders.cargo.sftp", SftpSettings.class);
    }
}
