package com.returnsgateway.adapter.sftp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/** A forwarder's SFTP server for protocol tests: user forwarder/forwarder, a fixed port so it can be restarted. */
final class TestSftpServer implements AutoCloseable {

    static final String USER = "forwarder";
    static final String PASSWORD = "forwarder";

    private final Path root;
    private final Path hostKey;
    private final Path knownHosts;
    private final int port;
    private SshServer server;

    TestSftpServer(Path dir, int port) {
        this.root = dir.resolve("sftp");
        this.hostKey = dir.resolve("hostkey.ser");
        this.knownHosts = dir.resolve("known_hosts");
        this.port = port;
    }

    TestSftpServer start() {
        try {
            Files.createDirectories(root.resolve("outbound"));
            Files.createDirectories(root.resolve("inbound"));
            SimpleGeneratorHostKeyProvider keys = new SimpleGeneratorHostKeyProvider(hostKey);
            keys.setAlgorithm(KeyUtils.EC_ALGORITHM);
            keys.setKeySize(256);
            SshServer sshd = SshServer.setUpDefaultServer();
            sshd.setHost("127.0.0.1");
            sshd.setPort(port);
            sshd.setKeyPairProvider(keys);
            sshd.setPasswordAuthenticator((u, p, s) -> USER.equals(u) && PASSWORD.equals(p));
            sshd.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
            sshd.setFileSystemFactory(new VirtualFileSystemFactory(root));
            sshd.start();
            server = sshd;
            Files.writeString(knownHosts, "[localhost]:" + port + " "
                    + PublicKeyEntry.toString(keys.loadKeys(null).get(0).getPublic()) + "\n");
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void stop() {
        if (server != null) {
            try {
                server.stop(true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    Path root() {
        return root;
    }

    Path knownHosts() {
        return knownHosts;
    }

    /** The connection part of every URI: password login and strict host-key checking against our known_hosts only. */
    String uri(String folder) {
        return "sftp://" + USER + "@localhost:" + port + "/" + folder + "?password=RAW(" + PASSWORD + ")"
                + "&strictHostKeyChecking=yes&knownHostsFile=" + knownHosts + "&useUserKnownHostsFile=false"
                + "&binary=true&charset=UTF-8";
    }
}
