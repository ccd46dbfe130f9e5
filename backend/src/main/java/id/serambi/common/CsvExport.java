package id.serambi.common;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The one CSV writer of every export (registrants, challenge results, analytics, and any later one): UTF-8 with a
 * byte-order mark so that Excel shows Indonesian names intact, CRLF line ends, a header row.
 *
 * <p>No cell can start a formula (CSV injection, OWASP). A spreadsheet may split a line on ',' or, with Indonesian
 * regional settings, on ';', and a quoted cell that holds a line break becomes several rows elsewhere; so every piece
 * of text that could become a cell of its own is checked: the start of the text, and what follows each ',', ';',
 * CR or LF in it. Where such a piece begins (after spaces and double quotes) with {@code = + - @}, their full-width
 * forms, a tab or a CR, a {@code '} is put in front of it: spreadsheets then show it as text. Numbers and booleans
 * are written as they are, so a negative number stays a number.
 */
public final class CsvExport {

    private static final char BOM = '\uFEFF';
    private static final CSVFormat FORMAT = CSVFormat.EXCEL;

    private CsvExport() {
    }

    /** The header and rows as CSV text starting with a byte-order mark; a null cell is empty. */
    public static String write(List<String> header, List<Object[]> rows) {
        StringWriter out = new StringWriter();
        out.write(BOM);
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            printer.printRecord(header.stream().map(CsvExport::cell).toList());
            for (Object[] row : rows) {
                printer.printRecord(Arrays.stream(row).map(CsvExport::cell).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** {@link #write} as UTF-8 bytes. */
    public static byte[] bytes(List<String> header, List<Object[]> rows) {
        return write(header, rows).getBytes(StandardCharsets.UTF_8);
    }

    /** A value as the cell to print: numbers and booleans as they are, anything else as neutralised text. */
    static Object cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value;
        }
        return neutralise(value.toString());
    }

    /** The text with a {@code '} before every piece of it that a spreadsheet could read as a formula. */
    public static String neutralise(String text) {
        StringBuilder out = new StringBuilder(text.length() + 4);
        for (int i = 0; i <= text.length(); i++) {
            if ((i == 0 || isSeparator(text.charAt(i - 1))) && startsFormula(text, i)) {
                out.append('\'');
            }
            if (i < text.length()) {
                out.append(text.charAt(i));
            }
        }
        return out.toString();
    }

    private static boolean isSeparator(char c) {
        return c == ',' || c == ';' || c == '\n' || c == '\r';
    }

    private static boolean startsFormula(String text, int start) {
        int i = start;
        if (i < text.length() && (text.charAt(i) == '\t' || text.charAt(i) == '\r')) {
            return true;
        }
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\u00A0' || text.charAt(i) == '"')) {
            i++;
        }
        return i < text.length() && "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20".indexOf(text.charAt(i)) >= 0;
    }
}
