package id.serambi.challenge.participation;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of staff's challenge endpoints. Staff see nicknames and schools; names and e-mails stay out here too. */
public final class StaffDtos {

    private StaffDtos() {
    }

    @Schema(name = "StaffReadingLog", requiredProperties = { "id", "participantId", "nickname", "title", "author",
            "readOn", "points", "status", "createdAt" })
    public record StaffLog(long id, long participantId, String nickname, String title, String author,
            @Schema(nullable = true, description = "Null when only minutes were logged") Integer pages,
            @Schema(nullable = true, description = "Null when only pages were logged") Integer minutes,
            LocalDate readOn, int points, LogStatus status,
            @Schema(nullable = true, description = "Why the log waits for review (FLAGGED); null otherwise",
                    examples = "1200 pages in one day is more than 1000") String flagReason,
            Instant createdAt) {
    }

    @Schema(name = "CodeRequest")
    public record NewCode(
            @NotBlank @Size(min = 4, max = 40) @Pattern(regexp = "[A-Za-z0-9-]+", message = "may use letters, digits and '-'")
            @Schema(examples = "DISKUSI-LASKAR") String code,
            @Size(max = 200) @Schema(examples = "Dibagikan di Diskusi Buku: Laskar Pelangi") String description,
            @Min(0) @Schema(examples = "25") Integer points,
            @Schema(description = "Name of a badge of the challenge that the code gives", examples = "Tamu Istimewa") String badge,
            @Schema(description = "Redeemable until then; none for no end", examples = "2026-12-31T15:59:59.000Z") Instant validUntil) {
    }

    @Schema(name = "Code", requiredProperties = { "id", "code", "points", "redemptions" })
    public record Code(long id, @Schema(examples = "DISKUSI-LASKAR") String code,
            @Schema(nullable = true, description = "Null when staff gave none") String description,
            @Schema(examples = "25") int points,
            @Schema(nullable = true, description = "The badge the code gives; null for points only") String badge,
            @Schema(nullable = true, description = "Redeemable until then; null for no end") Instant validUntil,
            @Schema(description = "How many participants redeemed it") long redemptions) {
    }

    @Schema(name = "SharedReview", requiredProperties = { "logId", "challengeId", "challengeTitle", "nickname", "title",
            "author", "review", "readOn" })
    public record SharedReview(long logId, long challengeId, String challengeTitle, String nickname, String title,
            String author, String review, LocalDate readOn) {
    }
}
