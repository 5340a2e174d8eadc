package com.returnsgateway.core.label;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.GenericMultipleBarcodeReader;

/** Every code on a label's page, as one scan of the whole printed page sees them. */
final class LabelScans {

    private LabelScans() {
    }

    /** The texts of the Code 128 and QR codes found on the first page, rendered at 200 dpi, by format. */
    static Map<BarcodeFormat, List<String>> scan(byte[] pdf) throws IOException {
        BufferedImage image;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            image = new PDFRenderer(document).renderImageWithDPI(0, 200, ImageType.GRAY);
        }
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.CODE_128, BarcodeFormat.QR_CODE));
        hints.put(DecodeHintType.CHARACTER_SET, "UTF-8");
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        Map<BarcodeFormat, List<String>> found = new EnumMap<>(BarcodeFormat.class);
        try {
            for (Result result : new GenericMultipleBarcodeReader(new MultiFormatReader()).decodeMultiple(bitmap,
                    hints)) {
                List<String> texts = found.computeIfAbsent(result.getBarcodeFormat(), f -> new ArrayList<>());
                if (!texts.contains(result.getText())) {
                    texts.add(result.getText());
                }
            }
        } catch (NotFoundException e) {
            // no code at all: an empty map says so
        }
        return found;
    }
}
