package com.returnsgateway.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The sandbox (published users and keys) listens on 127.0.0.1 only, unless server.address says otherwise. */
class SandboxLoopbackTest extends SandboxGatewayTest {

    @Test
    void theSandboxAnswersOnLoopbackOnly() throws IOException {
        try (Socket local = new Socket()) {
            local.connect(new InetSocketAddress("127.0.0.1", PORT), 5_000);
            assertThat(local.isConnected()).isTrue();
        }
        Optional<InetAddress> outside = NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .findFirst();
        assumeTrue(outside.isPresent(), "this machine has no address but loopback");

        assertThatThrownBy(() -> {
            try (Socket remote = new Socket()) {
                remote.connect(new InetSocketAddress(outside.get(), PORT), 5_000);
            }
        }).isInstanceOf(ConnectException.class);
    }
}
