package com.returnsgateway.adapter.amazon.format;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads Amazon's returns report {@code GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE}: UTF-8, tab-separated, one header
 * row, then one row per returned item.
 *
 * <p>Amazon has changed the column order and added columns over time, so columns are found by their header name
 * (case, surrounding spaces, dashes and underscores do not matter) and columns this class does not know are ignored.
 * Only the columns a return cannot do without are required in the header: Order ID, Amazon RMA ID, Return request
 * date, Merchant SKU and Return quantity; a header without one of them is one problem on line 1 and no rows.
 *
 * <p>Reading never fails because of a row: a row without a required value, or with a number, date or flag that cannot
 * be read, becomes a {@link RowProblem} naming the column and the value (every bad cell of that row in one reason), so
 * an operator can fix or chase it; nothing is dropped in silence. Blank lines are skipped (they hold no return).
 *
 * <p>Cells: surrounding spaces are trimmed; one pair of surrounding double quotes is removed and {@code ""} inside it
 * read as {@code "}; a cell that is then empty is {@code null}. A line break inside a quoted cell is not supported
 * (Amazon writes none). Values read as follows:
 * <ul>
 *   <li>dates: {@code 2026-11-20T08:15:00+00:00} (any offset), {@code 2026-11-20T08:15:00Z}, {@code 2026-11-20},
 *       {@code 20-Nov-2026}, {@code Nov 20, 2026}; a date without a time is the start of that day in UTC. A date and
 *       time without an offset is refused rather than guessed;</li>
 *   <li>amounts: {@code 12.99}, {@code 1,299.00}, with or without a currency symbol or ISO code ({@code $12.99},
 *       {@code ¥1,500}, {@code 12.99 USD}); a decimal comma ({@code 12,50}) is refused rather than guessed, because
 *       {@code 1,299} and {@code 12,50} cannot both be read right without knowing the file's locale;</li>
 *   <li>quantities: whole numbers; Return quantity must be more than zero;</li>
 *   <li>flags: Y/N, Yes/No, true/false, 1/0 (any case).</li>
 * </ul>
 */
public final class ReturnsReport {

    private static final char BOM = '\uFEFF';

    private ReturnsReport() {
    }

    /** What was read: the good rows in file order, and one problem per row (or for the file) that was not used. */
    public record Parsed(List<ReturnReportRow> rows, List<RowProblem> problems) {

        public Parsed {
            rows = List.copyOf(rows);
            problems = List.copyOf(problems);
        }
    }

    /** A row that was not used: its line (the header is line 1), why, and the line as it was in the file. */
    public record RowProblem(int line, String reason, String rawLine) {

        @Override
        public String toString() {
            return "line " + line + ": " + reason;
        }
    }

    /** The report's columns, with the header text Amazon uses; {@code required} ones must be in the header. */
    enum Column {
        ORDER_ID("Order ID", true),
        ORDER_DATE("Order date", false),
        RETURN_REQUEST_DATE("Return request date", true),
        RETURN_REQUEST_STATUS("Return request status", false),
        AMAZON_RMA_ID("Amazon RMA ID", true),
        MERCHANT_RMA_ID("Merchant RMA ID", false),
        LABEL_TYPE("Label type", false),
        LABEL_COST("Label cost", false),
        CURRENCY_CODE("Currency code", false),
        RETURN_CARRIER("Return carrier", false),
        TRACKING_ID("Tracking ID", false),
        LABEL_TO_BE_PAID_BY("Label to be paid by", false),
        A_TO_Z_CLAIM("A-to-Z Claim", false),
        IS_PRIME("Is prime", false),
        ASIN("ASIN", false),
        MERCHANT_SKU("Merchant SKU", true),
        ITEM_NAME("Item Name", false),
        RETURN_QUANTITY("Return quantity", true),
        RETURN_REASON("Return Reason", false),
        IN_POLICY("In policy", false),
        RETURN_TYPE("Return type", false),
        RESOLUTION("Resolution", false),
        INVOICE_NUMBER("Invoice number", false),
        RETURN_DELIVERY_DATE("Return delivery date", false),
        ORDER_AMOUNT("Order Amount", false),
        ORDER_QUANTITY("Order quantity", false),
        SAFET_ACTION_REASON("SafeT Action reason", false),
        SAFET_CLAIM_ID("SafeT claim id", false),
        SAFET_CLAIM_STATE("SafeT claim state", false),
        SAFET_CLAIM_CREATION_TIME("SafeT claim creation time", false),
        SAFET_CLAIM_REIMBURSEMENT_AMOUNT("SafeT claim reimbursement amount", false),
        REFUNDED_AMOUNT("Refunded Amount", false);

        final String header;
        final boolean required;

        Column(String header, boolean required) {
            this.header = header;
            this.required = required;
        }
    }

    /** The header names of every column this class reads, in Amazon's order. */
    public static List<String> columns() {
        return Arrays.stream(Column.values()).map(c -> c.header).toList();
    }

    /**
     * Reads the whole report. Only an I/O failure of {@code reader} throws ({@link UncheckedIOException}); anything
     * wrong with the content is in {@link Parsed#problems()}.
     */
    public static Parsed parse(Reader reader) {
        BufferedReader in = reader instanceof BufferedReader buffered ? buffered : new BufferedReader(reader);
        try {
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("the returns report could not be read: " + e.getMessage(), e);
        }
    }

    private static Parsed parse(BufferedReader in) throws IOException {
        String header = in.readLine();
        if (header != null && !header.isEmpty() && header.charAt(0) == BOM) {
            header = header.substring(1);
        }
        if (header == null || header.isBlank()) {
            return fileProblem("the report is empty: no header row", header == null ? "" : header);
        }
        Map<Column, Integer> index = index(cells(header));
        List<String> missing = Arrays.stream(Column.values())
                .filter(c -> c.required && !index.containsKey(c))
                .map(c -> c.header)
                .toList();
        if (!missing.isEmpty()) {
            return fileProblem("the header lacks the required column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + "; no row was read", header);
        }
        List<ReturnReportRow> rows = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        int lineNumber = 1;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            RowReader row = new RowReader(lineNumber, cells(line), index);
            ReturnReportRow read = row.read();
            if (read == null) {
                problems.add(new RowProblem(lineNumber, String.join("; ", row.problems), line));
            } else {
                rows.add(read);
            }
        }
        return new Parsed(rows, problems);
    }

    private static Parsed fileProblem(String reason, String rawLine) {
        return new Parsed(List.of(), List.of(new RowProblem(1, reason, rawLine)));
    }

    /** Where each known column is; the first of two columns with the same name wins. */
    private static Map<Column, Integer> index(List<String> headerCells) {
        Map<String, Column> byName = Arrays.stream(Column.values())
                .collect(Collectors.toMap(c -> normalized(c.header), c -> c));
        Map<Column, Integer> index = new EnumMap<>(Column.class);
        for (int i = 0; i < headerCells.size(); i++) {
            Column column = headerCells.get(i) == null ? null : byName.get(normalized(headerCells.get(i)));
            if (column != null) {
                index.putIfAbsent(column, i);
            }
        }
        return index;
    }

    /** "A-to-Z Claim", "a_to_z  claim" and " A TO Z CLAIM " are the same column. */
    private static String normalized(String header) {
        return header.toLowerCase(Locale.ROOT).replace('-', ' ').replace('_', ' ').trim().replaceAll("\\s+", " ");
    }

    private static List<String> cells(String line) {
        String[] raw = line.split("\t", -1);
        List<String> cells = new ArrayList<>(raw.length);
        for (String cell : raw) {
            cells.add(unquoted(cell.strip()));
        }
        return cells;
    }

    /** Removes one pair of surrounding double quotes ({@code ""} inside is a quote); empty becomes null. */
    private static String unquoted(String cell) {
        String value = cell;
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1).replace("\"\"", "\"").strip();
        }
        return value.isEmpty() ? null : value;
    }

    /** Reads the cells of one row, collecting what is wrong with them instead of stopping at the first. */
    private static final class RowReader {

        private static final Pattern WHOLE = Pattern.compile("-?\\d{1,9}");
        private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?(\\d+(\\.\\d*)?|\\.\\d+)");
        private static final Pattern THOUSANDS = Pattern.compile("-?\\d{1,3}(,\\d{3})+(\\.\\d*)?");
        /** Currency symbols and spaces (no-break ones included) around or inside an amount. */
        private static final Pattern SYMBOLS_AND_SPACES = Pattern.compile("[\\p{Sc}\\s\\u00A0\\u202F]");
        /** An amount with an ISO currency code before or after it. */
        private static final Pattern WITH_CODE = Pattern.compile("([A-Z]{3})?([^A-Za-z]*)([A-Z]{3})?");
        private static final List<DateTimeFormatter> DAY_FORMATS = List.of(
                DateTimeFormatter.ISO_LOCAL_DATE,
                formatter("d-MMM-uuuu"),
                formatter("MMM d, uuuu"));

        private final int line;
        private final List<String> cells;
        private final Map<Column, Integer> index;
        private final List<String> problems = new ArrayList<>();

        RowReader(int line, List<String> cells, Map<Column, Integer> index) {
            this.line = line;
            this.cells = cells;
            this.index = index;
        }

        private static DateTimeFormatter formatter(String pattern) {
            return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
                    .toFormatter(Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT);
        }

        /** The row, or null when something is wrong (then {@link #problems} says what). */
        ReturnReportRow read() {
            ReturnReportRow row = new ReturnReportRow(line,
                    required(Column.ORDER_ID),
                    date(Column.ORDER_DATE, false),
                    date(Column.RETURN_REQUEST_DATE, true),
                    text(Column.RETURN_REQUEST_STATUS),
                    required(Column.AMAZON_RMA_ID),
                    text(Column.MERCHANT_RMA_ID),
                    text(Column.LABEL_TYPE),
                    amount(Column.LABEL_COST),
                    text(Column.CURRENCY_CODE),
                    text(Column.RETURN_CARRIER),
                    text(Column.TRACKING_ID),
                    text(Column.LABEL_TO_BE_PAID_BY),
                    flag(Column.A_TO_Z_CLAIM),
                    flag(Column.IS_PRIME),
                    text(Column.ASIN),
                    required(Column.MERCHANT_SKU),
                    text(Column.ITEM_NAME),
                    returnQuantity(),
                    text(Column.RETURN_REASON),
                    flag(Column.IN_POLICY),
                    text(Column.RETURN_TYPE),
                    text(Column.RESOLUTION),
                    text(Column.INVOICE_NUMBER),
                    date(Column.RETURN_DELIVERY_DATE, false),
                    amount(Column.ORDER_AMOUNT),
                    quantity(Column.ORDER_QUANTITY, 0),
                    text(Column.SAFET_ACTION_REASON),
                    text(Column.SAFET_CLAIM_ID),
                    text(Column.SAFET_CLAIM_STATE),
                    date(Column.SAFET_CLAIM_CREATION_TIME, false),
                    amount(Column.SAFET_CLAIM_REIMBURSEMENT_AMOUNT),
                    amount(Column.REFUNDED_AMOUNT));
            return problems.isEmpty() ? row : null;
        }

        private String text(Column column) {
            Integer at = index.get(column);
            return at == null || at >= cells.size() ? null : cells.get(at);
        }

        private String required(Column column) {
            String value = text(column);
            if (value == null) {
                problems.add(column.header + " is empty");
            }
            return value;
        }

        private int returnQuantity() {
            if (required(Column.RETURN_QUANTITY) == null) {
                return 0;
            }
            Integer quantity = quantity(Column.RETURN_QUANTITY, 1);
            return quantity == null ? 0 : quantity;
        }

        private Integer quantity(Column column, int min) {
            String raw = text(column);
            if (raw == null) {
                return null;
            }
            if (!WHOLE.matcher(raw).matches()) {
                problems.add(column.header + " '" + raw + "' is not a whole number");
                return null;
            }
            int quantity = Integer.parseInt(raw);
            if (quantity < min) {
                problems.add(column.header + " '" + raw + "' must be "
                        + (min == 1 ? "more than zero" : "at least " + min));
                return null;
            }
            return quantity;
        }

        private BigDecimal amount(Column column) {
            String raw = text(column);
            if (raw == null) {
                return null;
            }
            String number = withoutCurrency(raw);
            if (number != null && THOUSANDS.matcher(number).matches()) {
                number = number.replace(",", "");
            }
            if (number == null || !PLAIN_DECIMAL.matcher(number).matches()) {
                problems.add(column.header + " '" + raw + "' is not an amount such as 12.99 or 1,299.00"
                        + (raw.contains(",") ? " (decimal commas are not read)" : ""));
                return null;
            }
            return new BigDecimal(number);
        }

        /** The number in {@code $1,299.00}, {@code 12.99 USD} or {@code USD 12.99}; null if letters are not a code. */
        private static String withoutCurrency(String raw) {
            Matcher matcher = WITH_CODE.matcher(SYMBOLS_AND_SPACES.matcher(raw).replaceAll(""));
            if (!matcher.matches() || !isCurrency(matcher.group(1)) || !isCurrency(matcher.group(3))) {
                return null;
            }
            return matcher.group(2);
        }

        private static boolean isCurrency(String code) {
            if (code == null) {
                return true;
            }
            try {
                Currency.getInstance(code);
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }

        private Boolean flag(Column column) {
            String raw = text(column);
            if (raw == null) {
                return null;
            }
            return switch (raw.toLowerCase(Locale.ROOT)) {
                case "y", "yes", "true", "1" -> Boolean.TRUE;
                case "n", "no", "false", "0" -> Boolean.FALSE;
                default -> {
                    problems.add(column.header + " '" + raw + "' is not Y or N");
                    yield null;
                }
            };
        }

        private Instant date(Column column, boolean required) {
            String raw = required ? required(column) : text(column);
            if (raw == null) {
                return null;
            }
            Instant instant = instant(raw);
            if (instant == null) {
                problems.add(column.header + " '" + raw + "' is not a date such as 2026-11-20T08:15:00+00:00,"
                        + " 2026-11-20, 20-Nov-2026 or Nov 20, 2026");
            }
            return instant;
        }

        /** The instant a date cell means, or null when it is none of the known forms. */
        static Instant instant(String raw) {
            try {
                return OffsetDateTime.parse(raw, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                // a date without a time, then
            }
            for (DateTimeFormatter format : DAY_FORMATS) {
                try {
                    return LocalDate.parse(raw, format).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeException e) {
                    // next form
                }
            }
            return null;
        }
    }
}
