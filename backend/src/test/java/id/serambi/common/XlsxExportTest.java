package id.serambi.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.serambi.support.Wita;
import id.serambi.support.Xlsx;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

/** The shared Excel writer: cell types as a spreadsheet reads them back. */
class XlsxExportTest {

    @Test
    void timesAreWitaDateCellsNumbersAreNumbersAndTextIsNeverAFormula() {
        byte[] file = XlsxExport.write("Uji", List.of("Nama", "Jumlah", "Waktu", "Tanggal", "Ya"),
                List.<Object[]>of(new Object[] { "=1+1", 42, Instant.parse("2026-12-05T11:30:00Z"),
                        LocalDate.parse("2026-12-05"), true }, new Object[] { null, -3.5, null, null, null }),
                Wita.ZONE);
        List<Row> rows = Xlsx.rows(file);
        assertEquals(3, rows.size());
        assertEquals(List.of("Nama", "Jumlah", "Waktu", "Tanggal", "Ya"), Xlsx.texts(rows.get(0)));
        Row row = rows.get(1);
        assertEquals(CellType.STRING, row.getCell(0).getType());
        assertEquals("=1+1", row.getCellText(0));
        assertNull(row.getCell(0).getFormula());
        assertEquals(42, row.getCellAsNumber(1).orElseThrow().intValue());
        assertEquals(LocalDateTime.parse("2026-12-05T19:30"), row.getCellAsDate(2).orElseThrow(), "11:30 UTC = 19:30 WITA");
        assertTrue(row.getCell(2).getDataFormatString().contains("hh:mm"));
        assertEquals(LocalDateTime.parse("2026-12-05T00:00"), row.getCellAsDate(3).orElseThrow());
        assertEquals(Boolean.TRUE, row.getCellAsBoolean(4).orElseThrow());
        assertEquals(-3.5, rows.get(2).getCellAsNumber(1).orElseThrow().doubleValue());
        assertTrue(rows.get(2).getOptionalCell(0).map(c -> c.getType() == CellType.EMPTY).orElse(true));
    }
}
