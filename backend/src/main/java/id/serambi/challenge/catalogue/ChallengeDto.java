package id.serambi.challenge.catalogue;

import id.serambi.common.Audience;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A challenge as anyone sees it. Carries no personal data. */
@Schema(name = "Challenge", requiredProperties = { "id", "title", "description", "audience", "startsOn", "endsOn",
        "goalType", "goalValue", "pointsPerBook", "pointsPerPage", "pointsPerMinute", "flagPagesPerDay",
        "flagMinutesPerDay", "schools", "badges", "status", "participants", "version" })
public record ChallengeDto(
        long id,
        String title,
        @Schema(description = "Empty when staff gave none") String description,
        Audience audience,
        LocalDate startsOn,
        LocalDate endsOn,
        GoalType goalType,
        int goalValue,
        int pointsPerBook,
        int pointsPerPage,
        int pointsPerMinute,
        @Schema(nullable = true, description = "Most finished books counted per day; null for no cap") Integer maxBooksPerDay,
        @Schema(nullable = true, description = "Most pages counted per day; null for no cap") Integer maxPagesPerDay,
        @Schema(nullable = true, description = "Most minutes counted per day; null for no cap") Integer maxMinutesPerDay,
        int flagPagesPerDay,
        int flagMinutesPerDay,
        List<String> schools,
        List<BadgeDto> badges,
        ChallengeStatus status,
        @Schema(description = "Participants who joined") long participants,
        @Schema(nullable = true, description = "The survey participants answer while the challenge runs: "
                + "/survei/{id}?tantangan={challenge id}") Long preSurveyId,
        @Schema(nullable = true, description = "The survey participants answer after it ended, for 30 days")
        Long postSurveyId,
        @Schema(description = "Moves on with every change; send it back as If-Match: \"<version>\" to update", examples = "3")
        int version) {

    @Schema(name = "Badge", requiredProperties = { "id", "name" })
    public record BadgeDto(long id, @Schema(examples = "Kutu Buku") String name,
            @Schema(nullable = true, description = "Points that earn it; null when only a secret code gives it") Integer threshold) {
        public static BadgeDto of(ChallengeBadge b) {
            return new BadgeDto(b.id, b.name, b.threshold);
        }
    }

    static ChallengeDto of(Challenge c, List<ChallengeBadge> badges, long participants) {
        return new ChallengeDto(c.id, c.title, c.description, c.audience, c.startsOn, c.endsOn, c.goalType,
                c.goalValue, c.pointsPerBook, c.pointsPerPage, c.pointsPerMinute, c.maxBooksPerDay, c.maxPagesPerDay,
                c.maxMinutesPerDay, c.flagPagesPerDay, c.flagMinutesPerDay, List.of(c.schools),
                badges.stream().map(BadgeDto::of).toList(), c.status, participants, c.preSurveyId, c.postSurveyId,
                c.version);
    }
}
