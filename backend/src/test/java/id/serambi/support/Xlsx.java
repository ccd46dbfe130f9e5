package id.serambi.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

/** Reads an exported .xlsx back with fastexcel-reader, as a spreadsheet program would open it. */
public final class Xlsx {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Xlsx() {
    }

    /** The first sheet's rows, the header first. */
    public static List<Row> rows(byte[] file) {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(file), new ReadingOptions(true, false))) {
            return workbook.getFirstSheet().read();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The row's cells as text ("" for an empty cell). */
    public static List<String> texts(Row row) {
        return row.stream().map(c -> c == null ? "" : c.getText()).toList();
    }
}
