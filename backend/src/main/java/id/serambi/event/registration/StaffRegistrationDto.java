package id.serambi.event.registration;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A registration as staff see it. Personal data: never in a public response. */
@Schema(name = "StaffRegistration")
public record StaffRegistrationDto(
        @Schema(examples = "311") long id,
        @Schema(examples = "Siti Nurhaliza") String name,
        @Schema(examples = "siti@example.id") String email,
        @Schema(examples = "+6281234567890") String whatsapp,
        AgeGroup ageGroup,
        @Schema(examples = "CONFIRMED") RegistrationStatus status,
        Instant createdAt,
        Instant confirmedAt,
        Instant cancelledAt,
        Instant attendedAt) {

    static StaffRegistrationDto of(Registration r) {
        return new StaffRegistrationDto(r.id, r.name, r.email, r.whatsapp, r.ageGroup, r.status, r.createdAt,
                r.confirmedAt, r.cancelledAt, r.attendedAt);
    }
}
