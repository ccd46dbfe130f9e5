package id.serambi.assistant.answers;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A question to Tanya Perpustakaan and its answer. */
public final class AssistantDtos {

    private AssistantDtos() {
    }

    @Schema(name = "AssistantQuestion")
    public record Ask(@NotBlank @Size(max = 500) @Schema(examples = "perpus buka jam brp?") String question,
            @Pattern(regexp = "id|en", message = "must be id or en")
            @Schema(nullable = true, description = "The language of the answer; id when left out", examples = "id") String language,
            @Pattern(regexp = "[A-Za-z0-9_-]{43}", message = "must be a conversation token (43 characters, base64url)")
            @Schema(nullable = true, description = "The conversationToken of an earlier answer: the question joins that "
                    + "conversation with a librarian", examples = "q3mB0v9TQ2oXkH7cJd1Lr8sYw4aZpE6nUf5tGiKx0Vb") String conversationToken) {

        /** A question outside any conversation. */
        public Ask(String question, String language) {
            this(question, language, null);
        }
    }

    @Schema(name = "AssistantLink")
    public record Link(@Schema(examples = "Daftar acara") String label, @Schema(examples = "/acara") String url) {
    }

    @Schema(name = "AssistantAnswer")
    public record Answer(
            @Schema(examples = "Perpustakaan buka Senin–Kamis pukul 08.00–15.30 WITA.") String answer,
            @Schema(nullable = true, description = "The FAQ entry that answered; null when handed over", examples = "1") Long entryId,
            @Schema(description = "How sure the match is, 0 to 1", examples = "0.82") double confidence,
            @Schema(description = "true: no entry answers well enough; a librarian will answer", examples = "false") boolean handedOver,
            List<Link> links,
            @Schema(nullable = true, description = "Set when the question went to a librarian (handed over, or asked in a "
                    + "conversation already handed over): the token of that conversation, to keep. It reads the "
                    + "librarian's answers (GET /api/assistant/conversations/{token}, and its stream)",
                    examples = "q3mB0v9TQ2oXkH7cJd1Lr8sYw4aZpE6nUf5tGiKx0Vb") String conversationToken) {

        /** An answer outside any conversation. */
        public Answer(String answer, Long entryId, double confidence, boolean handedOver, List<Link> links) {
            this(answer, entryId, confidence, handedOver, links, null);
        }

        Answer inConversation(String token) {
            return new Answer(answer, entryId, confidence, handedOver, links, token);
        }
    }
}
