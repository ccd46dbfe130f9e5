package id.serambi.event;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The registrant list as a spreadsheet: UTF-8 with a byte-order mark, so Excel shows Indonesian (and any other)
 * names intact; times in the library's zone.
 */
@ApplicationScoped
public class RegistrationCsv {

    static final String[] HEADER = { "ID", "Nama", "E-mail", "WhatsApp", "Kelompok usia", "Status", "Terdaftar",
            "Dikonfirmasi", "Dibatalkan", "Hadir" };
    private static final char BOM = '\uFEFF';

    private final DateTimeFormatter time;

    public RegistrationCsv(EventLinks links, id.serambi.common.SerambiConfig config) {
        ZoneId zone = config.library().timeZone();
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
    }

    public byte[] write(List<Registration> registrations) {
        StringBuilder out = new StringBuilder().append(BOM);
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.EXCEL.builder().setHeader(HEADER).get())) {
            for (Registration r : registrations) {
                printer.printRecord(r.id, cell(r.name), cell(r.email), r.whatsapp, r.ageGroup, r.status,
                        time(r.createdAt), time(r.confirmedAt), time(r.cancelledAt), time(r.attendedAt));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private String time(Instant instant) {
        return instant == null ? "" : time.format(instant);
    }

    /** A cell that a spreadsheet would run as a formula (=, +, -, @) is kept as text. */
    static String cell(String value) {
        if (value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }
}
