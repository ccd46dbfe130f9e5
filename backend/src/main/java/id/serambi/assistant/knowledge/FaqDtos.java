package id.serambi.assistant.knowledge;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The knowledge base of Tanya Perpustakaan: entries with a question and its other phrasings, answers in Bahasa
 * Indonesia and English (which may use {jam_buka}, {alamat}, {telepon}, {whatsapp} and {email}), links and tags.
 */
public final class FaqDtos {

    private FaqDtos() {
    }

    @Schema(name = "FaqText", description = "A text in Bahasa Indonesia and English")
    public record Text(@NotBlank @Size(max = 200) @Schema(examples = "Daftar acara") String id,
            @NotBlank @Size(max = 200) @Schema(examples = "Events") String en) {
    }

    @Schema(name = "FaqLink")
    public record Link(@Valid @NotNull Text label,
            @NotBlank @Size(max = 2000) @Pattern(regexp = "(https?://|/)\\S*", message = "must be an http(s) link or a path such as /acara")
            @Schema(examples = "/acara") String url) {
    }

    @Schema(name = "FaqEntryRequest")
    public record Request(
            @NotBlank @Size(max = 80) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lower-case words joined by -")
            @Schema(description = "Unique; names the entry in the evaluation set and the logs", examples = "jam-buka") String key,
            @NotBlank @Size(max = 500) @Schema(examples = "Jam berapa perpustakaan buka?") String questionId,
            @NotBlank @Size(max = 500) @Schema(examples = "What are the library's opening hours?") String questionEn,
            @NotNull @Size(max = 100) @Schema(description = "Other ways people ask it (informal, abbreviated, English)",
                    examples = "[\"perpus buka jam brp?\"]") List<@NotBlank @Size(max = 500) String> alternatives,
            @NotBlank @Size(max = 4000) @Schema(examples = "Perpustakaan buka {jam_buka}.") String answerId,
            @NotBlank @Size(max = 4000) @Schema(examples = "The library is open {jam_buka}.") String answerEn,
            @NotNull @Size(max = 20) List<@Valid @NotNull Link> links,
            @NotNull @Size(max = 50) @Schema(examples = "[\"jam\",\"buka\"]") List<@NotBlank @Size(max = 80) String> tags,
            @Schema(nullable = true, description = "Serambi's own data the answer is about") LiveAnswer live,
            @NotNull @Schema(description = "Only active entries answer", examples = "true") Boolean active) {
    }

    @Schema(name = "FaqEntry")
    public record View(@Schema(examples = "1") long id,
            @Schema(examples = "jam-buka") String key,
            @Schema(examples = "Jam berapa perpustakaan buka?") String questionId,
            @Schema(examples = "What are the library's opening hours?") String questionEn,
            List<String> alternatives,
            @Schema(examples = "Perpustakaan buka {jam_buka}.") String answerId,
            @Schema(examples = "The library is open {jam_buka}.") String answerEn,
            List<Link> links,
            List<String> tags,
            @Schema(nullable = true) LiveAnswer live,
            boolean active,
            Instant updatedAt,
            @Schema(description = "The version to send as If-Match", examples = "0") int version) {
    }

    @Schema(name = "UnansweredQuestion", description = "A question the assistant handed over, with how often it was asked")
    public record Unanswered(@Schema(examples = "apakah ada kelas menulis puisi?") String question,
            @Schema(examples = "3") long count,
            Instant lastAskedAt) {
    }
}
