package id.serambi.event.registration;

import id.serambi.common.SerambiConfig;
import id.serambi.common.XlsxExport;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The registrant list for people: an Excel file written by {@link XlsxExport}, with Indonesian headers, statuses and
 * age groups (the SPA's words) and times as date cells in the library's zone (WITA). The CSV
 * ({@link RegistrationCsv}) keeps the API's codes for machines.
 */
@ApplicationScoped
public class RegistrationXlsx {

    static final List<String> HEADER = List.of("ID", "Nama", "E-mail", "WhatsApp", "Kelompok usia", "Status",
            "Terdaftar (WITA)", "Dikonfirmasi (WITA)", "Dibatalkan (WITA)", "Hadir (WITA)");

    /** The SPA's words for each status (locales/id.json, events.registrationStatus). */
    static final Map<RegistrationStatus, String> STATUS = Map.of(RegistrationStatus.CONFIRMED, "Terkonfirmasi",
            RegistrationStatus.WAITLISTED, "Daftar tunggu", RegistrationStatus.CANCELLED, "Dibatalkan",
            RegistrationStatus.ATTENDED, "Hadir");

    static final Map<AgeGroup, String> AGE_GROUP = Map.of(AgeGroup.CHILD, "Anak", AgeGroup.TEEN, "Remaja",
            AgeGroup.ADULT, "Dewasa", AgeGroup.SENIOR, "Lansia");

    private final ZoneId zone;

    public RegistrationXlsx(SerambiConfig config) {
        this.zone = config.library().timeZone();
    }

    public byte[] write(List<StaffRegistrationDto> registrations) {
        return XlsxExport.write("Pendaftar", HEADER, registrations.stream().map(r -> new Object[] { r.id(), r.name(),
                r.email(), r.whatsapp(), r.ageGroup() == null ? null : AGE_GROUP.get(r.ageGroup()),
                STATUS.get(r.status()), r.createdAt(), r.confirmedAt(), r.cancelledAt(), r.attendedAt() }).toList(),
                zone);
    }
}
