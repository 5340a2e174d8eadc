package com.returnsgateway.adapter.sftp;

import com.returnsgateway.core.config.GatewayProperties;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** The forwarders of type sftp and their settings, bound from {@code gateway.forwarders.<code>.sftp.*}. */
@Component
public class SftpForwarders {

    private final Map<String, SftpSettings> settings = new TreeMap<>();

    public SftpForwarders(GatewayProperties properties, Environment environment) {
        Binder binder = Binder.get(environment);
        properties.forwarders().forEach((code, forwarder) -> {
            if (SftpSettings.TYPE.equals(forwarder.type())) {
                settings.put(code, binder.bindOrCreate("gateway.forwarders." + code + ".sftp", SftpSettings.class));
            }
        });
    }

    /** Every SFTP forwarder by code, in a stable order. */
    public Map<String, SftpSettings> all() {
        return settings;
    }

    /** A forwarder's settings; the defaults for one no longer configured (its cases still wait for an answer). */
    public SftpSettings orDefaults(String forwarder) {
        SftpSettings sftp = settings.get(forwarder);
        return sftp != null ? sftp : GatewayProperties.defaults(SftpSettings.class);
    }

    public SftpSettings of(String forwarder) {
        SftpSettings sftp = settings.get(forwarder);
        if (sftp == null) {
            throw new IllegalArgumentException(forwarder + " is not an SFTP forwarder (gateway.forwarders."
                    + forwarder + ".type: sftp)");
        }
        return sftp;
    }
}
