package com.returnsgateway.core.shipment;

import com.returnsgateway.core.config.GatewayProperties;
import com.returnsgateway.core.model.ReturnRequest;
import com.returnsgateway.core.model.ShipmentRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Finds the parcel of a return: the request's own shipment, else the order-to-waybill file
 * ({@code gateway.shipment-lookup.file}, CSV {@code orderId,forwarder,waybill} with a header row, and optionally
 * {@code lastMileNumber,lastMileCarrier} when the forwarder hands the parcel to a carrier under another number), re-read
 * when it changes.
 */
@Component
public class ShipmentLookup {

    private final GatewayProperties properties;
    private volatile Map<String, ShipmentRef> byOrder = Map.of();
    private volatile FileTime loadedVersion;

    public ShipmentLookup(GatewayProperties properties) {
        this.properties = properties;
    }

    public Optional<ShipmentRef> find(ReturnRequest request) {
        if (request.shipment() != null) {
            return Optional.of(request.shipment());
        }
        return Optional.ofNullable(orderFile().get(request.orderId()));
    }

    private Map<String, ShipmentRef> orderFile() {
        String file = properties.shipmentLookup().file();
        if (file == null || file.isBlank()) {
            return Map.of();
        }
        Path path = Path.of(file);
        try {
            if (!Files.exists(path)) {
                return Map.of();
            }
            FileTime version = Files.getLastModifiedTime(path);
            if (!version.equals(loadedVersion)) {
                synchronized (this) {
                    byOrder = parse(path);
                    loadedVersion = version;
                }
            }
            return byOrder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read order-to-waybill file " + path, e);
        }
    }

    private static Map<String, ShipmentRef> parse(Path path) throws IOException {
        Map<String, ShipmentRef> map = new HashMap<>();
        boolean header = true;
        for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
            if (header) {
                header = false;
                continue;
            }
            String[] cells = line.split(",");
            if (cells.length >= 3 && !cells[0].isBlank()) {
                String lastMileNumber = cells.length >= 4 && !cells[3].isBlank() ? cells[3].trim() : null;
                String lastMileCarrier = cells.length >= 5 && !cells[4].isBlank() ? cells[4].trim() : null;
                map.put(cells[0].trim(), new ShipmentRef(cells[1].trim(), cells[2].trim(), lastMileNumber,
                        lastMileCarrier));
            }
        }
        return Map.copyOf(map);
    }
}
