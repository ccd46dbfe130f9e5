package id.serambi.conversation.replies;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Saved replies: reusable answers in Bahasa Indonesia and English with the placeholders {nama}, {acara}, {tautan}. */
public final class SavedReplyDtos {

    private SavedReplyDtos() {
    }

    @Schema(name = "SavedReplyRequest")
    public record Request(
            @NotBlank @Size(max = 200) @Schema(examples = "Cara mendaftar acara") String title,
            @NotBlank @Size(max = 4000) @Schema(description = "Bahasa Indonesia; may use {nama}, {acara} and {tautan}",
                    examples = "Halo {nama}, pendaftaran {acara} ada di {tautan}. Sampai jumpa!") String bodyId,
            @NotBlank @Size(max = 4000) @Schema(description = "English; may use {nama}, {acara} and {tautan}",
                    examples = "Hi {nama}, you can register for {acara} at {tautan}. See you there!") String bodyEn) {
    }

    @Schema(name = "SavedReply")
    public record View(@Schema(examples = "3") long id,
            @Schema(examples = "Cara mendaftar acara") String title,
            @Schema(examples = "Halo {nama}, pendaftaran {acara} ada di {tautan}. Sampai jumpa!") String bodyId,
            @Schema(examples = "Hi {nama}, you can register for {acara} at {tautan}. See you there!") String bodyEn,
            Instant updatedAt,
            @Schema(description = "The version to send as If-Match", examples = "0") int version) {
    }

    @Schema(name = "SavedReplyFillRequest", description = "What to put in the placeholders; {nama} is the thread's contact")
    public record FillRequest(
            @NotBlank @Pattern(regexp = "id|en", message = "must be id or en") @Schema(examples = "id") String language,
            @Size(max = 300) @Schema(nullable = true, description = "Fills {acara}", examples = "Bedah Buku: Laskar Pelangi") String acara,
            @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) link")
            @Schema(nullable = true, description = "Fills {tautan}", examples = "https://serambi.example/acara/12") String tautan) {
    }

    @Schema(name = "SavedReplyFilled")
    public record Filled(@Schema(examples = "Halo Siti Rahma, pendaftaran Bedah Buku: Laskar Pelangi ada di "
            + "https://serambi.example/acara/12. Sampai jumpa!") String text) {
    }
}
