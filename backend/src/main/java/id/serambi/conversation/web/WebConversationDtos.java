package id.serambi.conversation.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A web asker's conversation with the library, as the asker sees it: the messages, never staff's notes. */
public final class WebConversationDtos {

    private WebConversationDtos() {
    }

    /** Who wrote a message: the asker, or the library (a librarian's reply). */
    @Schema(name = "AssistantMessageFrom")
    public enum From {
        ASKER, LIBRARY
    }

    @Schema(name = "AssistantConversationMessage")
    public record Message(@Schema(examples = "412") long id, @Schema(examples = "LIBRARY") From from,
            @Schema(examples = "Bisa, Kak. Kartu anggota bisa dibuat di loket layanan dengan membawa KTP atau kartu pelajar.") String text,
            @Schema(examples = "2026-12-04T03:15:00.000Z") Instant sentAt) {
    }

    @Schema(name = "AssistantConversation")
    public record Conversation(@Schema(description = "Oldest first") List<Message> messages) {
    }

    @Schema(name = "AssistantConversationMessageRequest")
    public record Send(@NotBlank @Size(max = 2000) @Schema(minLength = 1, maxLength = 2000,
            examples = "Apakah bisa dibuat hari Sabtu?") String text) {
    }
}
