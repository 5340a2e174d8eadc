package com.returnsgateway.adapter.sftp;

import com.returnsgateway.core.config.ProductionCheck;
import java.util.List;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** In production an SFTP forwarder must check its server's host key, or anyone on the path could pose as it. */
@Component
public class SftpProductionCheck implements ProductionCheck {

    @Override
    public List<String> problems(Environment environment) {
        return SftpForwarders.bind(environment).entrySet().stream()
                .filter(e -> !e.getValue().checksHostKey())
                .map(e -> "SFTP forwarder " + e.getKey() + " must check the server's host key in production: set "
                        + "gateway.forwarders." + e.getKey() + ".sftp.known-hosts-file and keep "
                        + "strict-host-key-checking true")
                .toList();
    }
}
