package com.returnsgateway.core.label;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TimeZone;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.util.Matrix;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.returnsgateway.core.config.GatewayProperties;
import com.returnsgateway.core.label.LabelText.Glyph;
import com.returnsgateway.core.model.Address;
import com.returnsgateway.core.model.Buyer;
import com.returnsgateway.core.model.ReturnCase;
import com.returnsgateway.core.model.ReturnItem;
import com.returnsgateway.core.model.ReturnRequest;

/**
 * Renders the 4x6 inch return label the buyer prints: where to send the parcel, who sends it, a Code 128
 * barcode of the return id the warehouse scans on arrival and a QR code ({@code RET:<marketplace>:<returnId>:
 * <orderId>}) for phone scanners. On a 4x6 page, or on an A4 page in its top-left quarter
 * ({@code gateway.labels.format}). The same case gives the same bytes, so a label can be rendered again (a retry, a
 * resent email) without a second version existing. Field names stay English: carriers and warehouses read them.
 */
@Component
public class ReturnLabelRenderer implements AutoCloseable {

    static final float WIDTH = 288; // 4 in
    static final float HEIGHT = 432; // 6 in

    static final float MARGIN = 14;
    private static final float CONTENT_WIDTH = WIDTH - 2 * MARGIN;
    private static final float BARCODE_HEIGHT = 52;
    private static final float MAX_MODULE_WIDTH = 2.0f;
    /** The QR code with its quiet zone, about 3 cm square: large enough for a phone camera at arm's length. */
    static final float QR_BOX = 84;
    /** The A4 page's top-left quarter, where the label goes, scaled down to fit with a printer's margin. */
    private static final float A4_QUARTER_WIDTH = PDRectangle.A4.getWidth() / 2;
    private static final float A4_QUARTER_HEIGHT = PDRectangle.A4.getHeight() / 2;
    private static final float A4_PRINTER_MARGIN = 12;
    private static final float A4_SCALE = Math.min((A4_QUARTER_WIDTH - 2 * A4_PRINTER_MARGIN) / WIDTH,
            (A4_QUARTER_HEIGHT - 2 * A4_PRINTER_MARGIN) / HEIGHT);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    /** Countries that write "City, Region Postal"; the others get "Postal City, Region". */
    private static final Set<String> CITY_FIRST = Set.of("US", "CA", "AU", "GB");

    private final TrueTypeFont sans;
    private final TrueTypeFont sansBold;
    private final TrueTypeFont cjk;
    private final List<TrueTypeFont> regular;
    private final List<TrueTypeFont> bold;
    private final LabelFormat defaultFormat;

    /** Labels on 4x6 pages. */
    public ReturnLabelRenderer() {
        this(LabelFormat.FOUR_BY_SIX);
    }

    /** @param format {@code 4x6} or {@code a4}: the format of {@link #render(ReturnCase, Address)} */
    public ReturnLabelRenderer(String format) {
        this(LabelFormat.fromProperty(format));
    }

    /** Labels in {@code gateway.labels.format}. */
    @Autowired
    public ReturnLabelRenderer(GatewayProperties properties) {
        this(properties.labels().format());
    }

    public ReturnLabelRenderer(LabelFormat defaultFormat) {
        this.defaultFormat = Objects.requireNonNull(defaultFormat, "defaultFormat");
        // parsed once: parsing a 4 MB CJK font per label would cost far more than drawing it
        this.sans = loadFont("DejaVuSans.ttf");
        this.sansBold = loadFont("DejaVuSans-Bold.ttf");
        this.cjk = loadFont("DroidSansFallbackFull.ttf");
        this.regular = List.of(sans, cjk);
        this.bold = List.of(sansBold, cjk);
    }

    /** The label in the configured format ({@code gateway.labels.format}, 4x6 unless set). */
    public byte[] render(ReturnCase returnCase, Address returnTo) {
        return render(returnCase, returnTo, defaultFormat);
    }

    /** The format {@link #render(ReturnCase, Address)} uses. */
    public LabelFormat defaultFormat() {
        return defaultFormat;
    }

    /**
     * A one-page PDF label: a 288 x 432 pt page, or an A4 page with the label in the top-left quarter.
     *
     * @param returnCase the case; its request must have a return id made of printable ASCII (Code 128)
     * @param returnTo   where the buyer sends the parcel
     */
    public byte[] render(ReturnCase returnCase, Address returnTo, LabelFormat format) {
        Objects.requireNonNull(returnCase, "returnCase");
        Objects.requireNonNull(returnTo, "returnTo");
        Objects.requireNonNull(format, "format");
        ReturnRequest request = Objects.requireNonNull(returnCase.request(), "returnCase.request");
        String returnId = request.returnId();
        if (isBlank(returnId)) {
            throw new IllegalArgumentException("case " + returnCase.caseId() + " has no return id to put on a label");
        }
        try (PDDocument document = new PDDocument()) {
            describe(document, returnCase, returnId);
            PDPage page = new PDPage(format == LabelFormat.A4 ? PDRectangle.A4 : new PDRectangle(WIDTH, HEIGHT));
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                if (format == LabelFormat.A4) {
                    content.saveGraphicsState();
                    content.transform(a4Placement());
                }
                new Layout(content, new LabelText(document)).draw(returnCase, request, returnTo);
                if (format == LabelFormat.A4) {
                    content.restoreGraphicsState();
                    cutLines(content);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not render the return label of case " + returnCase.caseId(), e);
        }
    }

    @Override
    public void close() throws IOException {
        sans.close();
        sansBold.close();
        cjk.close();
    }

    /** Centres the scaled label in the top-left quarter of the A4 page. */
    private static Matrix a4Placement() {
        float x = (A4_QUARTER_WIDTH - WIDTH * A4_SCALE) / 2;
        float y = PDRectangle.A4.getHeight() - A4_QUARTER_HEIGHT + (A4_QUARTER_HEIGHT - HEIGHT * A4_SCALE) / 2;
        return new Matrix(A4_SCALE, 0, 0, A4_SCALE, x, y);
    }

    /** Dashed lines along the quarter's right and bottom edges: cut there to get the label. */
    private static void cutLines(PDPageContentStream content) throws IOException {
        float bottom = PDRectangle.A4.getHeight() - A4_QUARTER_HEIGHT;
        content.setStrokingColor(0.45f);
        content.setLineWidth(0.5f);
        content.setLineDashPattern(new float[] {4, 3}, 0);
        content.moveTo(A4_QUARTER_WIDTH, PDRectangle.A4.getHeight());
        content.lineTo(A4_QUARTER_WIDTH, bottom);
        content.lineTo(0, bottom);
        content.stroke();
    }

    /** Metadata fixed by the case, so rendering again gives the same bytes. */
    private static void describe(PDDocument document, ReturnCase returnCase, String returnId) {
        document.setDocumentId(documentId(returnCase.caseId() + "\n" + returnId));
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle("Return label " + returnId);
        if (returnCase.createdAt() != null) {
            Calendar created = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC), Locale.ROOT);
            created.setTimeInMillis(returnCase.createdAt().toEpochMilli());
            info.setCreationDate(created);
        }
    }

    private static long documentId(String seed) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(hash).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static TrueTypeFont loadFont(String file) {
        try (InputStream in = ReturnLabelRenderer.class.getResourceAsStream("/fonts/" + file)) {
            if (in == null) {
                throw new IllegalStateException("label font fonts/" + file + " is missing from the classpath");
            }
            return new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read label font fonts/" + file, e);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** Draws the label top to bottom; {@code y} is the baseline of the next line. */
    private final class Layout {

        private final PDPageContentStream content;
        private final LabelText text;
        private float y = HEIGHT - MARGIN;
        /** Lines above this height stop short of the QR code at the right. */
        private float qrBottom = HEIGHT;

        Layout(PDPageContentStream content, LabelText text) {
            this.content = content;
            this.text = text;
        }

        void draw(ReturnCase returnCase, ReturnRequest request, Address returnTo) throws IOException {
            header(returnCase.createdAt());
            rule();
            Buyer buyer = request.buyer();
            if (buyer != null && buyer.address() != null) {
                heading("FROM");
                // the parcel comes from the buyer: an address without its own name line takes the buyer's name
                Address from = buyer.address();
                if (isBlank(from.name()) && !isBlank(buyer.name())) {
                    from = new Address(buyer.name(), from.line1(), from.line2(), from.city(), from.region(),
                            from.postalCode(), from.country(), from.phone());
                }
                address(from, 8, 8, 1, false);
                rule();
            } else if (buyer != null && !isBlank(buyer.name())) {
                heading("FROM");
                line(buyer.name(), regular, 8, 10, 1);
                rule();
            }
            heading("SHIP TO");
            address(returnTo, 13, 11, 2, true);
            rule();
            barcode(request.returnId());
            qrCode(qrContent(request));
            details(returnCase, request);
            items(request.items());
        }

        private void header(Instant createdAt) throws IOException {
            y -= 16;
            text.draw(content, text.shape("RETURN LABEL", bold), MARGIN, y, 17);
            if (createdAt != null) {
                List<Glyph> date = text.shape(DATE.format(createdAt), regular);
                text.draw(content, date, WIDTH - MARGIN - text.width(date, 9), y, 9);
            }
            y -= 6;
        }

        private void heading(String title) throws IOException {
            line(title, bold, 7, 9, 1);
        }

        private void address(Address address, float nameSize, float size, int maxLinesPerField, boolean withPhone)
                throws IOException {
            float leading = size * 1.2f;
            line(address.name(), bold, nameSize, nameSize * 1.2f, maxLinesPerField);
            line(address.line1(), regular, size, leading, maxLinesPerField);
            line(address.line2(), regular, size, leading, maxLinesPerField);
            line(cityLine(address), regular, size, leading, maxLinesPerField);
            line(countryName(address.country()), bold, size, leading, 1);
            if (withPhone && !isBlank(address.phone())) {
                line("Tel. " + address.phone(), regular, size - 2, (size - 2) * 1.2f, 1);
            }
        }

        private void barcode(String returnId) throws IOException {
            BitMatrix matrix;
            try {
                // the matrix includes a quiet zone of 10 modules on each side
                matrix = new Code128Writer().encode(returnId, BarcodeFormat.CODE_128, 0, 0);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("return id '" + returnId + "' cannot be printed as Code 128: "
                        + e.getMessage(), e);
            }
            int modules = matrix.getWidth();
            float module = Math.min(CONTENT_WIDTH / modules, MAX_MODULE_WIDTH);
            float left = MARGIN + (CONTENT_WIDTH - module * modules) / 2;
            float bottom = y - 6 - BARCODE_HEIGHT;
            int x = 0;
            while (x < modules) {
                if (!matrix.get(x, 0)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < modules && matrix.get(x, 0)) {
                    x++;
                }
                content.addRect(left + start * module, bottom, (x - start) * module, BARCODE_HEIGHT);
            }
            content.fill();
            y = bottom - 11;
            float size = 10;
            for (List<Glyph> human : text.wrap(text.shape(returnId, bold), size, CONTENT_WIDTH, 1, bold)) {
                text.draw(content, human, MARGIN + (CONTENT_WIDTH - text.width(human, size)) / 2, y, size);
            }
            y -= 6;
        }

        /** The QR code at the right, level with the details and the first items; the quiet zone is left white. */
        private void qrCode(String payload) throws IOException {
            BitMatrix matrix;
            try {
                matrix = new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                        EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name(),
                        EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                        EncodeHintType.MARGIN, 4));
            } catch (WriterException e) {
                throw new IllegalArgumentException("cannot make a QR code of '" + payload + "'", e);
            }
            float module = QR_BOX / matrix.getWidth();
            float left = WIDTH - MARGIN - QR_BOX + module * 4; // the quiet zone ends at the right margin
            float top = y + module * 4;
            for (int row = 0; row < matrix.getHeight(); row++) {
                int x = 0;
                while (x < matrix.getWidth()) {
                    if (!matrix.get(x, row)) {
                        x++;
                        continue;
                    }
                    int start = x;
                    while (x < matrix.getWidth() && matrix.get(x, row)) {
                        x++;
                    }
                    content.addRect(left + start * module, top - (row + 1) * module, (x - start) * module, module);
                }
            }
            content.fill();
            qrBottom = top - QR_BOX;
        }

        private void details(ReturnCase returnCase, ReturnRequest request) throws IOException {
            line(labelled("Order", request.orderId()), regular, 8, 10, 1);
            line(labelled("Marketplace", request.marketplace()), regular, 8, 10, 1);
            line(labelled("Case", returnCase.caseId()), regular, 8, 10, 1);
        }

        private void items(List<ReturnItem> items) throws IOException {
            if (items == null || items.isEmpty()) {
                return;
            }
            rule();
            heading("ITEMS");
            float size = 8;
            float leading = 9.6f;
            int room = (int) ((y - MARGIN) / leading);
            for (int i = 0; i < items.size() && room > 0; i++, room--) {
                int remaining = items.size() - i;
                if (room == 1 && remaining > 1) {
                    line("+ " + remaining + " more items", regular, size, leading, 1);
                    return;
                }
                ReturnItem item = items.get(i);
                String description = isBlank(item.title()) ? item.sku() : item.title();
                line(item.quantity() + " \u00d7 " + (description == null ? "" : description), regular, size, leading,
                        1);
            }
        }

        /** Draws a field, wrapped; a null or blank field takes no space. */
        private void line(String value, List<TrueTypeFont> chain, float size, float leading, int maxLines)
                throws IOException {
            if (isBlank(value)) {
                return;
            }
            List<Glyph> glyphs = text.shape(value, chain);
            // beside the QR code the line is shorter; the descenders of the first line decide
            float maxWidth = y - leading - size * 0.3f < qrBottom ? CONTENT_WIDTH : CONTENT_WIDTH - QR_BOX;
            for (List<Glyph> wrapped : text.wrap(glyphs, size, maxWidth, maxLines, chain)) {
                y -= leading;
                text.draw(content, wrapped, MARGIN, y, size);
            }
        }

        private void rule() throws IOException {
            y -= 5;
            content.setLineWidth(0.75f);
            content.moveTo(MARGIN, y);
            content.lineTo(y > qrBottom ? WIDTH - MARGIN - QR_BOX : WIDTH - MARGIN, y);
            content.stroke();
            y -= 1;
        }
    }

    /** What the QR code says: {@code RET:<marketplace>:<returnId>:<orderId>}, empty fields left empty. */
    static String qrContent(ReturnRequest request) {
        return "RET:" + nullToEmpty(request.marketplace()) + ":" + request.returnId() + ":"
                + nullToEmpty(request.orderId());
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value.strip();
    }

    private static String labelled(String label, String value) {
        return isBlank(value) ? null : label + ": " + value;
    }

    private static String cityLine(Address address) {
        String city = address.city();
        String region = address.region();
        String postal = address.postalCode();
        if (address.country() != null && CITY_FIRST.contains(address.country().toUpperCase(Locale.ROOT))) {
            String regionPostal = join(" ", region, postal);
            return join(", ", city, regionPostal);
        }
        return join(", ", join(" ", postal, city), region);
    }

    private static String join(String separator, String... values) {
        List<String> present = new ArrayList<>();
        for (String value : values) {
            if (!isBlank(value)) {
                present.add(value.strip());
            }
        }
        return present.isEmpty() ? null : String.join(separator, present);
    }

    /** "JP" becomes "JAPAN": carriers read the destination country in English. */
    private static String countryName(String code) {
        if (isBlank(code)) {
            return null;
        }
        try {
            String name = new Locale.Builder().setRegion(code.strip()).build().getDisplayCountry(Locale.ENGLISH);
            return name.isBlank() ? code : name.toUpperCase(Locale.ROOT);
        } catch (IllformedLocaleException e) {
            return code;
        }
    }
}
