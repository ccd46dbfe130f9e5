package id.serambi.event.registration;

import id.serambi.event.RegistrantWhatsapp;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A registration as staff see it. Personal data: never in a public response. */
@Schema(name = "StaffRegistration")
public record StaffRegistrationDto(
        @Schema(examples = "311") long id,
        @Schema(examples = "Siti Nurhaliza") String name,
        @Schema(examples = "siti@example.id") String email,
        @Schema(nullable = true, description = "E.164; null when none was given", examples = "+6281234567890") String whatsapp,
        @Schema(nullable = true, description = "Null when none was given") AgeGroup ageGroup,
        @Schema(examples = "CONFIRMED") RegistrationStatus status,
        Instant createdAt,
        @Schema(nullable = true, description = "When it got a seat; null while waitlisted (or cancelled from the waitlist)") Instant confirmedAt,
        @Schema(nullable = true, description = "Null unless cancelled") Instant cancelledAt,
        @Schema(nullable = true, description = "When checked in; null unless ATTENDED") Instant attendedAt,
        @Schema(nullable = true, description = "WhatsApp: the consent and the latest message's delivery; null when the "
                + "registrant never opted in (or in the CSV/XLSX export)") RegistrantWhatsapp.State whatsappState) {

    static StaffRegistrationDto of(Registration r) {
        return of(r, null);
    }

    static StaffRegistrationDto of(Registration r, RegistrantWhatsapp.State whatsappState) {
        return new StaffRegistrationDto(r.id, r.name, r.email, r.whatsapp, r.ageGroup, r.status, r.createdAt,
                r.confirmedAt, r.cancelledAt, r.attendedAt, whatsappState);
    }
}
