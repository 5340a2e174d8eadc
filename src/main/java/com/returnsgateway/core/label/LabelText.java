package com.returnsgateway.core.label;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Text on one label document: picks a font per character from a fallback chain (no single font here covers
 * Latin, Cyrillic and CJK), measures, wraps and draws. One instance per document, because a
 * {@link PDType0Font} belongs to the document it is embedded in; the parsed {@link TrueTypeFont}s are shared.
 */
final class LabelText {

    /** One character with the font that can draw it and its advance width at a font size of 1 pt. */
    record Glyph(String text, PDType0Font font, float advance) {
    }

    private static final String ELLIPSIS = "\u2026";

    private final PDDocument document;
    private final Map<TrueTypeFont, PDType0Font> embedded = new IdentityHashMap<>();

    LabelText(PDDocument document) {
        this.document = document;
    }

    /**
     * The characters of {@code text} with their fonts. Whitespace and control characters become single spaces,
     * invisible format characters are dropped, and a character no font of the chain covers becomes '?'.
     */
    List<Glyph> shape(String text, List<TrueTypeFont> chain) {
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFC);
        List<Glyph> glyphs = new ArrayList<>();
        boolean lastWasSpace = true; // drops leading spaces
        for (int cp : normalized.codePoints().toArray()) {
            if (Character.getType(cp) == Character.FORMAT) {
                continue;
            }
            if (Character.isISOControl(cp) || Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                if (!lastWasSpace) {
                    glyphs.add(glyph(" ", chain));
                }
                lastWasSpace = true;
                continue;
            }
            glyphs.add(glyph(new String(Character.toChars(cp)), chain));
            lastWasSpace = false;
        }
        if (!glyphs.isEmpty() && glyphs.get(glyphs.size() - 1).text().equals(" ")) {
            glyphs.remove(glyphs.size() - 1);
        }
        return glyphs;
    }

    float width(List<Glyph> glyphs, float size) {
        float width = 0;
        for (Glyph glyph : glyphs) {
            width += glyph.advance();
        }
        return width * size;
    }

    /**
     * Breaks the text into lines no wider than {@code maxWidth}, at spaces where possible and between any two
     * characters otherwise (CJK has no spaces). Beyond {@code maxLines} the last line ends in an ellipsis.
     */
    List<List<Glyph>> wrap(List<Glyph> glyphs, float size, float maxWidth, int maxLines, List<TrueTypeFont> chain) {
        List<List<Glyph>> lines = new ArrayList<>();
        int start = 0;
        while (start < glyphs.size()) {
            int end = start;
            int lastSpace = -1;
            float widthAtLastSpace = 0;
            float width = 0;
            while (end < glyphs.size()) {
                float next = glyphs.get(end).advance() * size;
                if (width + next > maxWidth && end > start) {
                    break;
                }
                if (glyphs.get(end).text().equals(" ")) {
                    lastSpace = end;
                    widthAtLastSpace = width;
                }
                width += next;
                end++;
            }
            // a break at a space that would leave most of the line empty is worse than one inside a word,
            // for example "1 × " followed by a long title in Japanese, which has no spaces
            if (end < glyphs.size() && lastSpace > start && widthAtLastSpace >= maxWidth / 2) {
                end = lastSpace;
            }
            lines.add(trim(glyphs.subList(start, end)));
            start = end;
            while (start < glyphs.size() && glyphs.get(start).text().equals(" ")) {
                start++;
            }
        }
        if (lines.size() <= maxLines) {
            return lines;
        }
        List<List<Glyph>> kept = new ArrayList<>(lines.subList(0, maxLines));
        kept.set(maxLines - 1, ellipsize(kept.get(maxLines - 1), size, maxWidth, chain));
        return kept;
    }

    /** Draws one line with its baseline starting at (x, y), switching fonts between runs. */
    void draw(PDPageContentStream content, List<Glyph> line, float x, float y, float size) throws IOException {
        if (line.isEmpty()) {
            return;
        }
        content.beginText();
        content.newLineAtOffset(x, y);
        int i = 0;
        while (i < line.size()) {
            PDType0Font font = line.get(i).font();
            StringBuilder run = new StringBuilder();
            while (i < line.size() && line.get(i).font() == font) {
                run.append(line.get(i).text());
                i++;
            }
            content.setFont(font, size);
            content.showText(run.toString());
        }
        content.endText();
    }

    private List<Glyph> ellipsize(List<Glyph> line, float size, float maxWidth, List<TrueTypeFont> chain) {
        Glyph ellipsis = glyph(ELLIPSIS, chain);
        List<Glyph> shortened = new ArrayList<>(line);
        while (!shortened.isEmpty() && width(shortened, size) + ellipsis.advance() * size > maxWidth) {
            shortened.remove(shortened.size() - 1);
        }
        shortened = new ArrayList<>(trim(shortened));
        shortened.add(ellipsis);
        return shortened;
    }

    private static List<Glyph> trim(List<Glyph> line) {
        int end = line.size();
        while (end > 0 && line.get(end - 1).text().equals(" ")) {
            end--;
        }
        return line.subList(0, end);
    }

    private Glyph glyph(String character, List<TrueTypeFont> chain) {
        for (TrueTypeFont ttf : chain) {
            PDType0Font font = embed(ttf);
            if (canEncode(font, character)) {
                return new Glyph(character, font, advance(font, character));
            }
        }
        PDType0Font first = embed(chain.get(0));
        return new Glyph("?", first, advance(first, "?"));
    }

    private PDType0Font embed(TrueTypeFont ttf) {
        return embedded.computeIfAbsent(ttf, font -> {
            try {
                // subset: only the glyphs used end up in the PDF
                return PDType0Font.load(document, font, true);
            } catch (IOException e) {
                throw new UncheckedIOException("could not embed a label font", e);
            }
        });
    }

    private static boolean canEncode(PDType0Font font, String character) {
        try {
            font.encode(character);
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    private static float advance(PDType0Font font, String character) {
        try {
            return font.getStringWidth(character) / 1000f;
        } catch (IOException e) {
            throw new UncheckedIOException("could not measure a label character", e);
        }
    }
}
