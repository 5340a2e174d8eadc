package com.returnsgateway.adapter.sftp;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: comma-separated, fields with a comma, quote, CR or LF are quoted, a quote inside a quoted field is
 * doubled, records end with CRLF (a lone LF or CR is accepted when reading). A UTF-8 byte order mark at the start is
 * skipped. Reading never fails as a whole: a malformed record is returned with its error and reading resumes at the
 * next line.
 */
public final class Csv {

    private static final char BOM = '\uFEFF';

    private Csv() {
    }

    /**
     * One record as read: {@code line} is the 1-based line where it starts (a quoted field with line breaks makes a
     * record span several lines); {@code error} is set, and {@code fields} incomplete, when it is malformed.
     */
    public record Record(int line, List<String> fields, String error) {

        public boolean blank() {
            return error == null && fields.size() == 1 && fields.get(0).isEmpty();
        }
    }

    /** Writes a header and rows; {@code null} cells are written empty. */
    public static String write(List<String> header, List<? extends List<String>> rows) {
        StringBuilder out = new StringBuilder();
        appendRecord(out, header);
        for (List<String> row : rows) {
            appendRecord(out, row);
        }
        return out.toString();
    }

    private static void appendRecord(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String cell = cells.get(i) == null ? "" : cells.get(i);
            if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\r') >= 0 || cell.indexOf('\n') >= 0) {
                out.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                out.append(cell);
            }
        }
        out.append("\r\n");
    }

    /** Reads every record, the header included. A trailing line break does not make an extra record. */
    public static List<Record> read(String content) {
        List<Record> records = new ArrayList<>();
        String text = content;
        int pos = !text.isEmpty() && text.charAt(0) == BOM ? 1 : 0;
        int line = 1;
        int n = text.length();
        while (pos < n) {
            int startLine = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            String error = null;
            boolean endOfRecord = false;
            while (!endOfRecord) {
                if (pos >= n) {
                    fields.add(field.toString());
                    break;
                }
                char c = text.charAt(pos);
                if (c == '"' && field.isEmpty()) {
                    // quoted field
                    int close = pos + 1;
                    StringBuilder quoted = new StringBuilder();
                    boolean closed = false;
                    while (close < n) {
                        char q = text.charAt(close);
                        if (q == '"') {
                            if (close + 1 < n && text.charAt(close + 1) == '"') {
                                quoted.append('"');
                                close += 2;
                                continue;
                            }
                            closed = true;
                            break;
                        }
                        if (q == '\n' || (q == '\r' && (close + 1 >= n || text.charAt(close + 1) != '\n'))) {
                            line++;
                        }
                        quoted.append(q);
                        close++;
                    }
                    if (!closed) {
                        error = "quoted field is not closed before the end of the file";
                        pos = n;
                        fields.add(quoted.toString());
                        break;
                    }
                    pos = close + 1;
                    if (pos < n && text.charAt(pos) != ',' && text.charAt(pos) != '\r' && text.charAt(pos) != '\n') {
                        error = "unexpected character after a closing quote (a quote inside a field must be doubled)";
                        pos = skipToLineEnd(text, pos);
                        fields.add(quoted.toString());
                        line += consumeLineBreak(text, pos) > pos ? 1 : 0;
                        pos = consumeLineBreak(text, pos);
                        break;
                    }
                    field.append(quoted);
                    // mark as non-empty quoted so a following quote is literal; an empty quoted field is fine
                    fields.add(field.toString());
                    field.setLength(0);
                    if (pos >= n) {
                        break;
                    }
                    char after = text.charAt(pos);
                    if (after == ',') {
                        pos++;
                        if (pos >= n) {
                            fields.add("");
                            break;
                        }
                        continue;
                    }
                    int next = consumeLineBreak(text, pos);
                    line++;
                    pos = next;
                    endOfRecord = true;
                    continue;
                }
                if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                    pos++;
                    if (pos >= n) {
                        fields.add("");
                        break;
                    }
                    continue;
                }
                if (c == '\r' || c == '\n') {
                    fields.add(field.toString());
                    pos = consumeLineBreak(text, pos);
                    line++;
                    endOfRecord = true;
                    continue;
                }
                field.append(c);
                pos++;
            }
            records.add(new Record(startLine, List.copyOf(fields), error));
        }
        return records;
    }

    private static int skipToLineEnd(String text, int pos) {
        while (pos < text.length() && text.charAt(pos) != '\r' && text.charAt(pos) != '\n') {
            pos++;
        }
        return pos;
    }

    /** The position after a CRLF, LF or CR at {@code pos}; {@code pos} itself when there is none. */
    private static int consumeLineBreak(String text, int pos) {
        if (pos < text.length() && text.charAt(pos) == '\r') {
            return pos + 1 < text.length() && text.charAt(pos + 1) == '\n' ? pos + 2 : pos + 1;
        }
        if (pos < text.length() && text.charAt(pos) == '\n') {
            return pos + 1;
        }
        return pos;
    }
}
