package com.returnsgateway.adapter.sftp;

import com.returnsgateway.core.config.GatewayProperties;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** The forwarders of type sftp and their settings, bound from {@code gateway.forwarders.<code>.sftp.*}. */
@Component
public class SftpForwarders {

    private final Map<String, SftpSettings> settings = new TreeMap<>();

    public SftpForwarders(Environment environment) {
        settings.putAll(bind(environment));
    }

    /** The settings of every forwarder of type sftp, bound from the environment (also before any bean exists). */
    static Map<String, SftpSettings> bind(Environment environment) {
        Binder binder = Binder.get(environment);
        Map<String, SftpSettings> bound = new TreeMap<>();
        binder.bind("gateway.forwarders", Bindable.mapOf(String.class, GatewayProperties.Forwarder.class))
                .orElse(Map.of())
                .forEach((code, forwarder) -> {
                    if (SftpSettings.TYPE.equals(forwarder.type())) {
                        bound.put(code, binder.bindOrCreate("gateway.forwarders." + code + ".sftp",
                                SftpSettings.class));
                    }
                });
        return bound;
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
