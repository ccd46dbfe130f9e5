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
        @Schema(nullable = true, description = "E.164; null when none was given", examples = "+6281234567890") String whatsapp,
        @Schema(nullable = true, description = "Null when none was given") AgeGroup ageGroup,
        @Schema(examples = "CONFIRMED") RegistrationStatus status,
        @Schema(nullable = true, description = "1 for the first in line; null unless WAITLISTED", examples = "3") Integer waitlistPosition,
        Instant createdAt,
        @Schema(nullable = true, description = "Only while the registration holds a seat of a published event; null otherwise",
                examples = "https://zoom.us/j/81234567890") String joinUrl,
        @Schema(description = "Whether the patron can still cancel") boolean cancellable,
        @Schema(description = "Whether the patron can give the fixed 1-5 feedback now (never when the event has a feedback survey)")
        boolean feedbackOpen,
        boolean feedbackGiven,
        @Schema(nullable = true, description = "WhatsApp click-to-chat link that sends the confirmation to the patron's own number; null without a number or once cancelled",
                examples = "https://wa.me/6281234567890?text=...") String whatsappConfirmationUrl,
        @Schema(description = "Whether this registration's messages go to WhatsApp: the patron opted in at registration "
                + "and has not switched it off (the number's BERHENTI is not shown here)") boolean whatsappMessages,
        @Schema(nullable = true, description = "The check-in QR code (PNG) while the registration holds a seat of an event held in person (platform IN_PERSON); null otherwise",
                examples = "/api/registrations/abc/qr.png") String qrCodeUrl,
        @Schema(nullable = true, description = "The event's feedback survey, answered as this registration (a path in "
                + "the web app), once the event has started and while the registration holds a seat; null when the "
                + "event has none (then the fixed form applies)", examples = "/survei/4?token=abc")
        String feedbackSurveyUrl,
        EventDto event) {
}
