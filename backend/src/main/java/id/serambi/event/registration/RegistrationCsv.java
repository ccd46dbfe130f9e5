package id.serambi.event.registration;

import id.serambi.common.CsvExport;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The registrant list as a spreadsheet, written by {@link CsvExport} (a byte-order mark, no cell that could start a
 * formula); times in the library's zone.
 */
@ApplicationScoped
public class RegistrationCsv {

    static final String[] HEADER = { "ID", "Nama", "E-mail", "WhatsApp", "Kelompok usia", "Status", "Terdaftar",
            "Dikonfirmasi", "Dibatalkan", "Hadir" };

    private final DateTimeFormatter time;

    public RegistrationCsv(id.serambi.common.SerambiConfig config) {
        ZoneId zone = config.library().timeZone();
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
    }

    public byte[] write(List<StaffRegistrationDto> registrations) {
        return CsvExport.bytes(List.of(HEADER), registrations.stream().map(r -> new Object[] { r.id(), r.name(),
                r.email(), r.whatsapp(), r.ageGroup(), r.status(), time(r.createdAt()), time(r.confirmedAt()),
                time(r.cancelledAt()), time(r.attendedAt()) }).toList());
    }

    private String time(Instant instant) {
        return instant == null ? "" : time.format(instant);
    }
}
