package id.serambi.event.messaging;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What staff send to registrants and what they see of it afterwards. */
public final class EventMessageDtos {

    private EventMessageDtos() {
    }

    @Schema(name = "EventMessageRequest")
    public record Request(
            @NotNull @Schema(description = "Who gets it", examples = "CONFIRMED") MessageAudience audience,
            @NotBlank @Size(max = 200) @Schema(examples = "Tautan Zoom berubah") String subject,
            @NotBlank @Size(max = 5000) @Schema(description = "Plain text; line breaks are kept",
                    examples = "Mohon maaf, tautan Zoom untuk acara besok berubah. Tautan baru ada di halaman acara.") String body,
            @Schema(nullable = true, description = "WhatsApp for registrants who opted in (\"WhatsApp bila pendaftar setuju\"), "
                    + "e-mail for the others; false: e-mail only. Default true", examples = "true") Boolean whatsapp) {

        public Request(MessageAudience audience, String subject, String body) {
            this(audience, subject, body, null);
        }

        /** WhatsApp unless staff chose e-mail only. */
        public boolean byWhatsapp() {
            return !Boolean.FALSE.equals(whatsapp);
        }
    }

    @Schema(name = "EventMessage")
    public record Message(
            @Schema(examples = "7") long id,
            @Schema(examples = "12") long eventId,
            MessageAudience audience,
            @Schema(examples = "Tautan Zoom berubah") String subject,
            String body,
            @Schema(nullable = true, description = "The staff member who sent it; null once their account is gone",
                    examples = "Rina (staf)") String sentBy,
            @Schema(description = "How many registrants it was addressed to", examples = "42") int recipients,
            @Schema(description = "How many of the e-mails the mail server has taken so far (they go out in the background)",
                    examples = "40") int delivered,
            @Schema(description = "Staff chose WhatsApp for registrants who opted in") boolean whatsapp,
            @Schema(description = "How many went by WhatsApp (free text inside the 24-hour window, else the template)",
                    examples = "2") int byWhatsapp,
            @Schema(description = "How many go by e-mail, those whose WhatsApp send failed included", examples = "40") int byEmail,
            @Schema(description = "Of those by e-mail, how many because their WhatsApp send failed", examples = "0") int emailInstead,
            @Schema(description = "When staff sent it") Instant sentAt) {
    }

    @Schema(name = "MessageAudienceCount")
    public record AudienceCount(MessageAudience audience,
            @Schema(description = "How many registrants a message to this audience would reach now", examples = "42") int recipients) {
    }
}
