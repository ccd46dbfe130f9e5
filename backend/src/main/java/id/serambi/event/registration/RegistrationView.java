package id.serambi.event.registration;

import id.serambi.event.catalogue.EventDto;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A registration as its patron sees it through the manage token. */
@Schema(name = "RegistrationView")
public record RegistrationView(
        @Schema(examples = "311") long id,
        @Schema(examples = "Siti Nurhaliza") String name,
        @Schema(examples = "siti@example.id") String email,
        @Schema(examples = "+6281234567890") String whatsapp,
        AgeGroup ageGroup,
        @Schema(examples = "CONFIRMED") RegistrationStatus status,
        @Schema(description = "1 for the first in line; null unless WAITLISTED") Integer waitlistPosition,
        Instant createdAt,
        @Schema(description = "Only while the registration holds a seat of an event that is not cancelled",
                examples = "https://zoom.us/j/81234567890") String joinUrl,
        @Schema(description = "Whether the patron can still cancel") boolean cancellable,
        @Schema(description = "Whether the patron can give feedback now") boolean feedbackOpen,
        boolean feedbackGiven,
        @Schema(description = "WhatsApp click-to-chat link that sends the confirmation to the patron's own number; null without a number",
                examples = "https://wa.me/6281234567890?text=...") String whatsappConfirmationUrl,
        @Schema(description = "The check-in QR code (PNG) while the registration holds a seat",
                examples = "/api/registrations/abc/qr.png") String qrCodeUrl,
        EventDto event) {
}
