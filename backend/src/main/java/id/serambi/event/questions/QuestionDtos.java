package id.serambi.event.questions;

import id.serambi.common.PublicText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies of the live Q&A endpoints. */
public final class QuestionDtos {

    private QuestionDtos() {
    }

    @Schema(name = "QuestionRequest")
    public record Ask(
            @NotBlank @Schema(description = "The asker's manage token: only registrants of the event can ask") String manageToken,
            @NotBlank @Size(max = 500) @PublicText(prose = true)
            @Schema(description = "Shown to the audience: no phone number, e-mail, link or age",
                    examples = "Apakah perpustakaan punya koleksi e-book untuk pelajar SMA?") String text,
            @Size(max = 40) @PublicText @Schema(description = "Shown with the question; anonymous when absent", examples = "Nadia")
            String displayName) {
    }

    @Schema(name = "VoteRequest")
    public record Vote(@NotBlank @Schema(description = "The voter's manage token: one vote per registration") String manageToken) {
    }

    @Schema(name = "AnswerRequest")
    public record Answer(@NotBlank @Size(max = 1500) @Schema(examples = "Ada, lewat aplikasi iPusnas dan koleksi digital kami.") String answer) {
    }

    /** A question as the audience sees it: never who asked, only the display name they chose. */
    @Schema(name = "Question")
    public record QuestionDto(
            @Schema(examples = "41") long id,
            @Schema(examples = "12") long eventId,
            @Schema(examples = "Apakah perpustakaan punya koleksi e-book untuk pelajar SMA?") String text,
            @Schema(nullable = true, description = "The name the asker chose to show; null: anonymous", examples = "Nadia") String displayName,
            @Schema(examples = "APPROVED") QuestionStatus status,
            @Schema(examples = "7") int upvotes,
            @Schema(nullable = true, description = "Null until staff answer") String answer,
            Instant createdAt,
            @Schema(nullable = true, description = "Null until staff answer") Instant answeredAt) {

        static QuestionDto of(Question q) {
            return new QuestionDto(q.id, q.eventId, q.text, q.displayName, q.status, q.upvotes, q.answer, q.createdAt,
                    q.answeredAt);
        }
    }

    /**
     * One server-sent event of the live Q&A stream. SNAPSHOT carries the visible questions when the stream opens;
     * UPSERT a question that became or stayed visible (new votes, an answer); REMOVE a question staff hid;
     * HEARTBEAT keeps proxies from closing an idle stream.
     */
    @Schema(name = "QuestionUpdate")
    public record Update(
            @Schema(examples = "UPSERT") Kind kind,
            @Schema(examples = "12") long eventId,
            @Schema(nullable = true, description = "The question, for UPSERT and REMOVE; null for SNAPSHOT and HEARTBEAT") QuestionDto question,
            @Schema(nullable = true, description = "Every visible question, for SNAPSHOT; null otherwise") List<QuestionDto> questions) {

        public enum Kind {
            SNAPSHOT, UPSERT, REMOVE, HEARTBEAT
        }
    }
}
