package com.returnsgateway.core.label;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The paper a return label is printed on ({@code gateway.labels.format}). */
public enum LabelFormat {

    /** A 4 x 6 inch page (288 x 432 pt), for thermal label printers. */
    FOUR_BY_SIX("4x6"),
    /** An A4 page with the label in its top-left quarter and dashed cut lines, for office printers. */
    A4("a4");

    private final String property;

    LabelFormat(String property) {
        this.property = property;
    }

    /** The value of {@code gateway.labels.format} that selects this format. */
    public String property() {
        return property;
    }

    /** "4x6" or "a4", any case. */
    public static LabelFormat fromProperty(String value) {
        String wanted = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        for (LabelFormat format : values()) {
            if (format.property.equals(wanted) || format.name().equalsIgnoreCase(wanted)) {
                return format;
            }
        }
        throw new IllegalArgumentException("gateway.labels.format must be one of "
                + Arrays.stream(values()).map(LabelFormat::property).collect(Collectors.joining(", "))
                + ", not '" + value + "'");
    }
}
