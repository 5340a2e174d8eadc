package com.returnsgateway.core.label;

import static com.returnsgateway.testsupport.Pdfs.pageSize;
import static com.returnsgateway.testsupport.Pdfs.scanCode128;
import static com.returnsgateway.testsupport.Pdfs.text;

import static com.returnsgateway.core.label.LabelFixtures.americanBuyer;
import static com.returnsgateway.core.label.LabelFixtures.chineseBuyer;
import static com.returnsgateway.core.label.LabelFixtures.germanBuyer;
import static com.returnsgateway.core.label.LabelFixtures.japaneseBuyer;
import static com.returnsgateway.core.label.LabelFixtures.returnCase;
import static com.returnsgateway.core.label.LabelFixtures.russianBuyer;
import static com.returnsgateway.core.label.LabelFixtures.usWarehouse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.GenericMultipleBarcodeReader;
import com.returnsgateway.core.model.Address;
import com.returnsgateway.core.model.Buyer;
import com.returnsgateway.core.model.Money;
import com.returnsgateway.core.model.ReturnCase;
import com.returnsgateway.core.model.ReturnItem;
import com.returnsgateway.core.model.ReturnRequest;

class ReturnLabelRendererTest {

    private static ReturnLabelRenderer renderer;

    @BeforeAll
    static void loadFonts() {
        renderer = new ReturnLabelRenderer();
    }

    @AfterAll
    static void closeFonts() throws IOException {
        renderer.close();
    }

    @Test
    void labelIsOneFourBySixInchPage() throws IOException {
        byte[] pdf = renderer.render(returnCase("C-1001", "RMA-2025-000123", americanBuyer()), usWarehouse());

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            PDRectangle size = document.getPage(0).getMediaBox();
            assertThat(size.getWidth()).isEqualTo(288f);
            assertThat(size.getHeight()).isEqualTo(432f);
        }
    }

    static Stream<Arguments> buyers() {
        return Stream.of(
                Arguments.of(japaneseBuyer(), List.of("山田太郎", "丸の内1-9-1", "千代田区", "東京都", "JAPAN")),
                Arguments.of(chineseBuyer(), List.of("王小明", "浦东新区世纪大道100号", "上海市", "CHINA")),
                Arguments.of(germanBuyer(), List.of("Jürgen Müßig", "Königstraße 12", "70173 Stuttgart", "GERMANY")),
                Arguments.of(russianBuyer(), List.of("Иван Петров", "ул. Тверская, д. 7, кв. 12", "125009 Москва",
                        "RUSSIA")));
    }

    @ParameterizedTest
    @MethodSource("buyers")
    void labelShowsTheReturnAddressAndTheBuyerInTheirOwnScript(Buyer buyer, List<String> buyerLines) throws IOException {
        String text = text(renderer.render(returnCase("C-1002", "RMA-2025-000124", buyer), usWarehouse()));

        assertThat(text).contains("RETURN LABEL", "SHIP TO", "FROM")
                .contains("Seller Returns Center", "1200 Logistics Way", "Dock 7", "Reno, NV 89502", "UNITED STATES",
                        "Tel. +1 775 555 0100")
                .contains("RMA-2025-000124", "Order: ORD-302-1234567", "Marketplace: amazon-de", "Case: C-1002")
                .contains("2 × Ceramic mug, blue", "1 × T-shirt XL")
                .contains("2025-03-14");
        assertThat(text).contains(buyerLines);
        assertThat(text).doesNotContain("null", "?");
    }

    @Test
    void returnAddressMayBeJapanese() throws IOException {
        Address tokyo = new Address("返品センター", "有明3-7-26", null, "江東区", "東京都", "135-0063", "JP", "03-5555-0100");

        String text = text(renderer.render(returnCase("C-1003", "RMA-2025-000125", germanBuyer()), tokyo));

        assertThat(text).contains("返品センター", "有明3-7-26", "135-0063 江東区, 東京都", "JAPAN", "Jürgen Müßig");
    }

    @Test
    void barcodeScansAsTheReturnId() throws Exception {
        byte[] pdf = renderer.render(returnCase("C-1004", "RMA-2025-000126", japaneseBuyer()), usWarehouse());

        assertThat(scanCode128(pdf)).containsExactly("RMA-2025-000126");
    }

    @ParameterizedTest
    @EnumSource(LabelFormat.class)
    void oneScanOfThePageFindsTheBarcodeAndTheQrCode(LabelFormat format) throws Exception {
        byte[] pdf = renderer.render(returnCase("C-1018", "RMA-2025-000134", japaneseBuyer()), usWarehouse(), format);

        Map<BarcodeFormat, List<String>> codes = LabelScans.scan(pdf);

        assertThat(codes).containsOnlyKeys(BarcodeFormat.CODE_128, BarcodeFormat.QR_CODE);
        assertThat(codes.get(BarcodeFormat.CODE_128)).containsExactly("RMA-2025-000134");
        assertThat(codes.get(BarcodeFormat.QR_CODE)).containsExactly("RET:amazon-de:RMA-2025-000134:ORD-302-1234567");
    }

    @Test
    void a4PageHasTheLabelInTheTopLeftQuarterWithCutLines() throws IOException {
        byte[] pdf = renderer.render(returnCase("C-1019", "RMA-2025-000135", chineseBuyer()), usWarehouse(),
                LabelFormat.A4);

        float[] size = pageSize(pdf);
        assertThat(size[0]).isCloseTo(PDRectangle.A4.getWidth(), within(0.01f));
        assertThat(size[1]).isCloseTo(PDRectangle.A4.getHeight(), within(0.01f));
        assertThat(text(pdf)).contains("RETURN LABEL", "SHIP TO", "王小明", "浦东新区世纪大道100号", "RMA-2025-000135",
                "Seller Returns Center");
        assertThat(positions(pdf)).isNotEmpty().allSatisfy(position -> {
            // PDFBox measures from the top left: every character lies inside the top-left quarter
            assertThat(position.getXDirAdj() + position.getWidthDirAdj()).isLessThan(size[0] / 2);
            assertThat(position.getYDirAdj()).isLessThan(size[1] / 2);
        });
        assertThat(darkPixelsOnTheCutLines(pdf)).isGreaterThan(100);
    }

    @Test
    void configuredFormatIsTheDefault() throws IOException {
        try (ReturnLabelRenderer a4 = new ReturnLabelRenderer("A4")) {
            ReturnCase returnCase = returnCase("C-1020", "RMA-2025-000136", americanBuyer());

            assertThat(a4.defaultFormat()).isEqualTo(LabelFormat.A4);
            assertThat(pageSize(a4.render(returnCase, usWarehouse()))[0]).isCloseTo(PDRectangle.A4.getWidth(),
                    within(0.01f));
            assertThat(a4.render(returnCase, usWarehouse())).isEqualTo(a4.render(returnCase, usWarehouse(),
                    LabelFormat.A4));
        }
        assertThat(renderer.defaultFormat()).isEqualTo(LabelFormat.FOUR_BY_SIX);
        assertThat(LabelFormat.fromProperty(" 4X6 ")).isEqualTo(LabelFormat.FOUR_BY_SIX);
        assertThatThrownBy(() -> new ReturnLabelRenderer("letter"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gateway.labels.format").hasMessageContaining("4x6, a4").hasMessageContaining(
                        "letter");
    }

    @Test
    void textBesideTheQrCodeStopsShortOfIt() throws IOException {
        String marketplace = "marketplace-with-a-name-long-enough-to-reach-the-qr-code";
        ReturnCase base = returnCase("C-1021", "RMA-2025-000137", americanBuyer());
        ReturnRequest r = base.request();
        ReturnCase returnCase = new ReturnCase(base.caseId(), new ReturnRequest(marketplace,
                r.returnId(), r.orderId(), r.requestedAt(), r.updatedAt(), r.resolution(), r.refundType(),
                r.requestedRefund(), r.reason(), r.comment(), r.buyer(), r.items(), r.shipment()), base.status(),
                base.shipmentState(), base.forwarderCode(), base.statusReason(), base.resumeStatus(), base.attempts(),
                base.nextAttemptAt(), base.createdAt(), base.updatedAt());

        byte[] pdf = renderer.render(returnCase, usWarehouse());

        float qrLeft = ReturnLabelRenderer.WIDTH - ReturnLabelRenderer.MARGIN - ReturnLabelRenderer.QR_BOX;
        List<TextPosition> marketplaceLine = lineStartingWith(positions(pdf), "Marketplace:");
        assertThat(marketplaceLine).isNotEmpty().allSatisfy(position ->
                assertThat(position.getXDirAdj() + position.getWidthDirAdj()).isLessThanOrEqualTo(qrLeft));
        assertThat(text(pdf)).contains("Marketplace: marketplace-with", "…");
        assertThat(LabelScans.scan(pdf).get(BarcodeFormat.QR_CODE))
                .containsExactly("RET:" + marketplace + ":RMA-2025-000137:ORD-302-1234567");
    }

    @Test
    void longReturnIdStillScans() throws Exception {
        String returnId = "302-1234567-8901234-RET-0001";
        byte[] pdf = renderer.render(returnCase("C-1005", returnId, americanBuyer()), usWarehouse());

        assertThat(scanCode128(pdf)).containsExactly(returnId);
    }

    @Test
    void sameCaseGivesTheSameBytes() {
        ReturnCase returnCase = returnCase("C-1006", "RMA-2025-000127", chineseBuyer());

        byte[] first = renderer.render(returnCase, usWarehouse());
        byte[] second = renderer.render(returnCase, usWarehouse());

        assertThat(second).isEqualTo(first);
        assertThat(renderer.render(returnCase("C-1007", "RMA-2025-000127", chineseBuyer()), usWarehouse()))
                .isNotEqualTo(first);
    }

    @Test
    void labelWithLatinAndCjkStaysSmall() {
        byte[] pdf = renderer.render(returnCase("C-1008", "RMA-2025-000128", japaneseBuyer()), usWarehouse());
        byte[] latin = renderer.render(returnCase("C-1009", "RMA-2025-000129", germanBuyer()), usWarehouse());

        // subset fonts: a label carries only the glyphs it uses, not the 4 MB CJK font
        System.out.printf("label sizes: Japanese buyer %d bytes, German buyer %d bytes%n", pdf.length,
                latin.length);
        assertThat(pdf.length).isLessThan(40_000);
        assertThat(latin.length).isLessThan(30_000);
    }

    @Test
    void longLinesAreWrappedOrCutInsideTheLabel() throws IOException {
        String longStreet = "Very Long Industrial Estate Road Number Seventeen, Building C, Gate 4, Loading Dock "
                + "Twelve, Behind The Blue Warehouse Next To The Railway Crossing";
        Address returnTo = new Address("International Returns Processing Center of the Example Seller Company Ltd",
                longStreet, null, "Reno", "NV", "89502", "US", null);
        String cjkTitle = "とても長い商品名".repeat(12);
        ReturnCase returnCase = returnCase("C-1010", "RMA-2025-000130", japaneseBuyer(),
                List.of(new ReturnItem("SKU-LONG", cjkTitle, 1, Money.of("1000", "JPY"))));

        byte[] pdf = renderer.render(returnCase, returnTo);

        List<TextPosition> positions = positions(pdf);
        assertThat(positions).isNotEmpty().allSatisfy(position -> {
            assertThat(position.getXDirAdj()).isGreaterThanOrEqualTo(13f);
            assertThat(position.getXDirAdj() + position.getWidthDirAdj()).isLessThanOrEqualTo(288f - 13f);
            assertThat(position.getYDirAdj()).isBetween(13f, 432f - 13f);
        });
        String text = text(pdf);
        assertThat(text).contains("International Returns Processing", "Very Long Industrial Estate", "…",
                "1 × とても長い商品名");
    }

    @Test
    void manyItemsEndWithACount() throws IOException {
        List<ReturnItem> items = IntStream.rangeClosed(1, 30)
                .mapToObj(i -> new ReturnItem("SKU-" + i, "Item number " + i, 1, Money.of("1.00", "USD")))
                .toList();

        String text = text(renderer.render(returnCase("C-1011", "RMA-2025-000131", americanBuyer(), items),
                usWarehouse()));

        assertThat(text).contains("1 × Item number 1").doesNotContain("Item number 30").containsPattern(
                "\\+ \\d+ more items");
    }

    @Test
    void missingOptionalFieldsAreLeftOut() throws IOException {
        Buyer noAddress = new Buyer("Jane Doe", "jane@example.com", "en-US", null);
        Address minimal = new Address("Returns", "1 Main St", " ", "Reno", null, null, "US", "");
        ReturnCase returnCase = returnCase("C-1012", "RMA-2025-000132", noAddress);

        String text = text(renderer.render(returnCase, minimal));

        assertThat(text).contains("FROM", "Jane Doe", "SHIP TO", "Returns", "1 Main St", "Reno", "UNITED STATES")
                .doesNotContain("null", "Tel.");
    }

    @Test
    void characterNoFontHasBecomesAQuestionMark() throws IOException {
        Buyer buyer = new Buyer("Anna \uD80C\uDC00 Schmidt", "anna@example.de", "de-DE",
                new Address("Anna \uD80C\uDC00 Schmidt", "Hauptstr. 1", null, "Berlin", null, "10115", "DE", null));

        String text = text(renderer.render(returnCase("C-1013", "RMA-2025-000133", buyer), usWarehouse()));

        assertThat(text).contains("Anna ? Schmidt");
    }

    @Test
    void returnIdThatIsNotCode128IsRefused() {
        ReturnCase returnCase = returnCase("C-1014", "RMA-返品-1", americanBuyer());

        assertThatThrownBy(() -> renderer.render(returnCase, usWarehouse()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RMA-返品-1");
    }

    @Test
    void rendersTheSameFromSeveralThreads() throws Exception {
        List<ReturnCase> cases = List.of(returnCase("C-1015", "RMA-1", japaneseBuyer()),
                returnCase("C-1016", "RMA-2", chineseBuyer()), returnCase("C-1017", "RMA-3", russianBuyer()));
        List<byte[]> expected = cases.stream().map(c -> renderer.render(c, usWarehouse())).toList();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> futures = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                ReturnCase returnCase = cases.get(i % cases.size());
                futures.add(pool.submit(() -> renderer.render(returnCase, usWarehouse())));
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get()).isEqualTo(expected.get(i % cases.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The characters on the line whose text starts with {@code prefix}. */
    private static List<TextPosition> lineStartingWith(List<TextPosition> positions, String prefix) {
        Map<Float, List<TextPosition>> lines = new TreeMap<>();
        for (TextPosition position : positions) {
            lines.computeIfAbsent(position.getYDirAdj(), y -> new ArrayList<>()).add(position);
        }
        return lines.values().stream()
                .filter(line -> line.stream().map(TextPosition::getUnicode).reduce("", String::concat)
                        .startsWith(prefix))
                .findFirst().orElse(List.of());
    }

    /** Rows and columns with a dark pixel near the A4 page's vertical and horizontal middle lines, at 144 dpi. */
    private static int darkPixelsOnTheCutLines(byte[] pdf) throws IOException {
        BufferedImage image;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            image = new PDFRenderer(document).renderImageWithDPI(0, 144, ImageType.GRAY);
        }
        int dark = 0;
        int middleX = image.getWidth() / 2;
        int middleY = image.getHeight() / 2;
        for (int y = 0; y < middleY; y++) {
            dark += isDarkNear(image, middleX, y, true) ? 1 : 0;
        }
        for (int x = 0; x < middleX; x++) {
            dark += isDarkNear(image, x, middleY, false) ? 1 : 0;
        }
        return dark;
    }

    private static boolean isDarkNear(BufferedImage image, int x, int y, boolean alongX) {
        for (int d = -3; d <= 3; d++) {
            int px = alongX ? x + d : x;
            int py = alongX ? y : y + d;
            if ((image.getRGB(px, py) & 0xff) < 220) {
                return true;
            }
        }
        return false;
    }

    private static List<TextPosition> positions(byte[] pdf) throws IOException {
        List<TextPosition> positions = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition text) {
                positions.add(text);
            }
        };
        try (PDDocument document = Loader.loadPDF(pdf)) {
            stripper.getText(document);
        }
        return positions;
    }
}
