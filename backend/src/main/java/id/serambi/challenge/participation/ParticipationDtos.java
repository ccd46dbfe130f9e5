package id.serambi.challenge.participation;

import id.serambi.challenge.catalogue.ChallengeDto;
import id.serambi.challenge.catalogue.GoalType;
import id.serambi.common.PublicText;
import id.serambi.common.RefCodes;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of a member's part in a challenge. */
public final class ParticipationDtos {

    private ParticipationDtos() {
    }

    @Schema(name = "JoinRequest")
    public record Join(
            @NotBlank @Size(min = 3, max = 30)
            @Nickname
            @PublicText
            @Schema(description = "Shown on the public leaderboard instead of your name: 3 to 30 letters or digits of "
                    + "any script, spaces, '.', '_' and '-', starting with a letter or a digit; not your name or the "
                    + "start of your e-mail, and no phone number, e-mail, link, birth year or age; unique in the challenge",
                    examples = "KutuBuku88") String nickname,
            @Size(max = 120) @PublicText
            @Schema(description = "Shown on the public leaderboard: no phone number, e-mail, link, birth year or age",
                    examples = "SMP Negeri 1 Banjarbaru") String school,
            @Pattern(regexp = RefCodes.REGEX, message = RefCodes.MESSAGE)
            @Schema(nullable = true, description = "Optional: the code of the tracked link that brought the member (the "
                    + "?ref= of /tantangan/{id}, issue 22). Only the code is kept, with the participation, for the "
                    + "campaign funnel; erasing the account erases it too", examples = "k7m2q9xw4p") String ref) {

        /** A joining that no tracked link brought. */
        public Join(String nickname, String school) {
            this(nickname, school, null);
        }
    }

    @Schema(name = "ParticipantResponse", requiredProperties = { "id", "nickname", "hidden" })
    public record Joined(long id, String nickname,
            @Schema(nullable = true, description = "Null when none was given") String school, boolean hidden) {
    }

    @Schema(name = "ReadingLogRequest")
    public record Log(
            @NotBlank @Size(max = 200) @Schema(examples = "Laskar Pelangi") String title,
            @NotBlank @Size(max = 200) @Schema(examples = "Andrea Hirata") String author,
            @Pattern(regexp = "(97[89])?[0-9]{9}[0-9Xx]|97[89]-?[0-9-]{10,13}", message = "must be an ISBN-10 or ISBN-13")
            @Schema(examples = "9789793062792") String isbn,
            @Min(1) @Max(5000) @Schema(examples = "120") Integer pages,
            @Min(1) @Max(1440) @Schema(examples = "90") Integer minutes,
            @Schema(description = "Whether the book is finished (counts as a book); default true") Boolean finished,
            @NotNull @Schema(examples = "2026-12-03") LocalDate readOn,
            @Size(max = 500) @PublicText(prose = true)
            @Schema(description = "May be shared (with the nickname): no phone number, e-mail, link or age",
                    examples = "Ceritanya menyentuh, tentang semangat belajar anak Belitong.") String review,
            @Schema(description = "Consent to show the review (with the nickname) to library staff for social media")
            Boolean shareReview) {
    }

    @Schema(name = "ReadingLog", requiredProperties = { "id", "title", "author", "finished", "readOn", "points",
            "status", "shareReview", "createdAt" })
    public record LogView(long id, String title, String author,
            @Schema(nullable = true, examples = "9789793062792") String isbn,
            @Schema(nullable = true, description = "Null when only minutes were logged", examples = "120") Integer pages,
            @Schema(nullable = true, description = "Null when only pages were logged", examples = "90") Integer minutes,
            boolean finished, LocalDate readOn,
            @Schema(nullable = true, description = "Null when none was written") String review, boolean shareReview,
            @Schema(description = "Points this log counts for: 0 while it waits for staff review") int points,
            LogStatus status,
            @Schema(nullable = true, description = "Why the log waits for staff review (FLAGGED); null otherwise",
                    examples = "1200 pages in one day is more than 1000") String flagReason,
            Instant createdAt) {

        static LogView of(ReadingLog l) {
            return new LogView(l.id, l.title, l.author, l.isbn, l.pages, l.minutes, l.finished, l.readOn, l.review,
                    l.shareReview, l.status == LogStatus.VALID ? l.points : 0, l.status, l.flagReason, l.createdAt);
        }
    }

    @Schema(name = "LoggedResponse", requiredProperties = { "log", "pointsAwarded", "totalPoints" })
    public record Logged(LogView log,
            @Schema(description = "Points this log added now", examples = "10") int pointsAwarded,
            @Schema(description = "Your total afterwards", examples = "130") int totalPoints) {
    }

    @Schema(name = "Visibility")
    public record Visibility(@NotNull @Schema(description = "true hides you from the public leaderboard") Boolean hidden) {
    }

    @Schema(name = "RedeemRequest")
    public record Redeem(@NotBlank @Size(max = 40) @Schema(examples = "BUKU-SERU-2026") String code) {
    }

    @Schema(name = "Progress", requiredProperties = { "participantId", "nickname", "hidden", "points", "books", "pages",
            "minutes", "goalType", "goalValue", "goalProgress", "badges", "nextBadges" })
    public record Progress(long participantId, String nickname,
            @Schema(nullable = true, description = "Null when none was given") String school, boolean hidden, int points, int books,
            int pages, int minutes,
            @Schema(nullable = true, description = "Rank on the public board; null while hidden") Integer rank,
            GoalType goalType, int goalValue,
            @Schema(description = "Progress towards the goal, 0 to 100 (%)") int goalProgress,
            List<ChallengeDto.BadgeDto> badges,
            @Schema(description = "Badges still to earn by points") List<ChallengeDto.BadgeDto> nextBadges) {
    }
}
