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
                    examples = "Mohon maaf, tautan Zoom untuk acara besok berubah. Tautan baru ada di halaman acara.") String body) {
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
            @Schema(description = "How many of those e-mails the mail server has taken so far (they go out in the background)",
                    examples = "42") int delivered,
            @Schema(description = "When staff sent it") Instant sentAt) {
    }

    @Schema(name = "MessageAudienceCount")
    public record AudienceCount(MessageAudience audience,
            @Schema(description = "How many registrants a message to this audience would reach now", examples = "42") int recipients) {
    }
}
