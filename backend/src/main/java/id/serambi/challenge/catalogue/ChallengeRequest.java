package id.serambi.challenge.catalogue;

import id.serambi.common.Audience;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A challenge as staff create or replace it. */
@Schema(name = "ChallengeRequest")
public record ChallengeRequest(
        @NotBlank @Size(max = 200) @Schema(examples = "Tantangan Membaca Remaja: Pekan Literasi Banjarbaru") String title,
        @Size(max = 5000) @Schema(examples = "Baca sebanyak mungkin buku selama Pekan Literasi dan kumpulkan lencana!")
        String description,
        @NotNull @Schema(examples = "TEENS") Audience audience,
        @NotNull @Schema(examples = "2026-12-01") LocalDate startsOn,
        @NotNull @Schema(examples = "2026-12-31") LocalDate endsOn,
        @NotNull @Schema(examples = "BOOKS") GoalType goalType,
        @NotNull @Min(1) @Max(1_000_000) @Schema(examples = "10") Integer goalValue,
        @Min(0) @Max(10_000) @Schema(description = "Points for each finished book", examples = "10") Integer pointsPerBook,
        @Min(0) @Max(100) @Schema(examples = "0") Integer pointsPerPage,
        @Min(0) @Max(100) @Schema(examples = "1") Integer pointsPerMinute,
        @Min(1) @Max(100) @Schema(description = "Most finished books counted per day; null for no cap", examples = "5")
        Integer maxBooksPerDay,
        @Min(1) @Max(10_000) @Schema(description = "Most pages per day; null for no cap", examples = "500") Integer maxPagesPerDay,
        @Min(1) @Max(1440) @Schema(description = "Most minutes per day (a day has 1,440)", examples = "300")
        Integer maxMinutesPerDay,
        @Min(1) @Max(100_000) @Schema(description = "Pages in one day above which a log goes to staff review (default 1000)",
                examples = "1000") Integer flagPagesPerDay,
        @Min(1) @Max(1440) @Schema(description = "Minutes in one day above which a log goes to staff review (default 600)",
                examples = "600") Integer flagMinutesPerDay,
        @Size(max = 50) List<@NotBlank @Size(max = 120) String> schools,
        @Size(max = 30) List<@NotNull @Valid BadgeRequest> badges,
        @Schema(nullable = true, description = PRE_SURVEY, examples = "5") Long preSurveyId,
        @Schema(nullable = true, description = POST_SURVEY, examples = "5") Long postSurveyId) {

    static final String SURVEY_RULE = " (GET /api/surveys); null for none. A DRAFT may be attached but must be "
            + "published before participants can answer; a CLOSED or unknown survey is a 400 naming the field.";
    static final String PRE_SURVEY = "The survey a participant answers while the challenge runs (from joining until "
            + "its end), at /survei/{id}?tantangan={challenge id}" + SURVEY_RULE;
    static final String POST_SURVEY = "The survey a participant answers after the challenge ended, for 30 days; each "
            + "participant gets a notice with its link when the challenge ends. May be the same survey as "
            + "preSurveyId: the date then decides which phase an answer belongs to, and the results compare them"
            + SURVEY_RULE;

    @Schema(name = "BadgeRequest")
    public record BadgeRequest(
            @NotBlank @Size(max = 80) @Schema(examples = "Kutu Buku") String name,
            @Min(1) @Schema(description = "Points that earn it; null for a badge given only by a secret code", examples = "100")
            Integer threshold) {
    }
}
