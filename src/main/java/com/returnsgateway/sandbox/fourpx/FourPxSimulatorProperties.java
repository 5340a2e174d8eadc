package com.returnsgateway.sandbox.fourpx;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The 4PX open platform simulator ({@code sandbox.fourpx.*}).
 *
 * @param appKey              the simulator's own made-up app key: config/application-sandbox.yaml gives the gateway
 *                            the same (gateway.forwarders.4px.4px.app-key)
 * @param appSecret           its made-up app secret, likewise
 * @param callsPerSecond      router calls per second above which it answers 000017 ("too frequent"). 4PX documents
 *                            that code but no number: 20 is the sandbox's guess
 * @param holdPollsBeforeDone an accepted hold answers is_hold_sign Y to this many ds.xms.order.get calls, then S
 */
@ConfigurationProperties("sandbox.fourpx")
public record FourPxSimulatorProperties(@DefaultValue("sandbox-4px-app-key") String appKey,
                                        @DefaultValue("sandbox-4px-app-secret-made-up") String appSecret,
                                        @DefaultValue("20") int callsPerSecond,
                                        @DefaultValue("1") int holdPollsBeforeDone) {
}
