package com.returnsgateway.adapter.sftp;

import com.returnsgateway.core.port.ForwarderPort;
import com.returnsgateway.core.remote.RemoteCallException;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * A forwarder that answers in files: its latest status file row tells where a parcel is, and an intercept goes out in
 * the next request file (sftp-forwarder.camel.yaml) and is answered by a result file, later.
 */
@Component
public class SftpForwarder implements ForwarderPort {

    private final LatestShipmentStatuses statuses;
    private final SftpForwarders settings;

    public SftpForwarder(LatestShipmentStatuses statuses, SftpForwarders settings) {
        this.statuses = statuses;
        this.settings = settings;
    }

    @Override
    public String type() {
        return SftpSettings.TYPE;
    }

    @Override
    public Abilities abilities() {
        return new Abilities(true, Answer.PUSHED);
    }

    /** None yet is a transient failure: the case is tried again later, and goes to manual review if none ever comes. */
    @Override
    public ParcelStatus status(String forwarder, String waybill) {
        LatestShipmentStatuses.LatestStatus latest = statuses.find(forwarder, waybill)
                .orElseThrow(() -> RemoteCallException.transientFailure("no status file from " + forwarder
                        + " has mentioned waybill " + waybill + " yet", null));
        String location = latest.location() == null || latest.location().isBlank() ? "" : ", " + latest.location();
        return ParcelStatus.of(latest.statusCode(), " (status file of " + latest.eventTime() + location + ")");
    }

    /** The stored request joins the next batch file (SftpIntercepts); the case waits for the answer file. */
    @Override
    public InterceptAnswer intercept(String forwarder, InterceptRequest request) {
        return InterceptAnswer.later("goes to " + forwarder + " in the next request file; waiting for its answer file");
    }

    /** Counted from the upload of the request file ({@code gateway.forwarders.<code>.sftp.answer-deadline}). */
    @Override
    public Duration answerDeadline(String forwarder) {
        return settings.orDefaults(forwarder).answerDeadline();
    }
}
