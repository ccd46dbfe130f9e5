package id.serambi.survey.builder;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A survey as staff build it: a title and an introduction in Bahasa Indonesia and English, ordered sections of
 * ordered questions. Each question has a key that is stable across edits (answers are stored by it) and unique in the
 * survey; choice questions have options with stable keys; a question may be shown only when an earlier choice
 * question got a given option.
 */
public final class SurveyDtos {

    /** A key of a question or an option. */
    static final String KEY = "[a-z0-9]+(-[a-z0-9]+)*";
    static final String KEY_MESSAGE = "must be lower-case words joined by -";

    private SurveyDtos() {
    }

    public enum Access {
        /** Nobody is linked to a response. */
        ANONYMOUS,
        /** The respondent gets a link to change the response. */
        MANAGE_LINK,
        /** Signed in; the account is stored with the response. */
        ACCOUNT
    }

    public enum Status {
        DRAFT, PUBLISHED, CLOSED
    }

    public enum QuestionType {
        SINGLE_CHOICE, MULTIPLE_CHOICE, SCALE_5, NPS, SHORT_TEXT, LONG_TEXT, DATE, NUMBER;

        public boolean choice() {
            return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE;
        }
    }

    @Schema(name = "SurveyText", description = "A short text in Bahasa Indonesia and English")
    public record Text(@NotBlank @Size(max = 500) @Schema(examples = "Apakah acaranya bermanfaat?") String id,
            @NotBlank @Size(max = 500) @Schema(examples = "Was the event useful?") String en) {
    }

    @Schema(name = "SurveyLongText", description = "A longer text in Bahasa Indonesia and English")
    public record LongText(@NotBlank @Size(max = 4000) @Schema(examples = "Bantu kami memperbaiki acara kami.") String id,
            @NotBlank @Size(max = 4000) @Schema(examples = "Help us improve our events.") String en) {
    }

    @Schema(name = "SurveyOption")
    public record Option(@NotBlank @Size(max = 40) @Pattern(regexp = KEY, message = KEY_MESSAGE)
            @Schema(description = "Stable; answers name it", examples = "ya") String key,
            @Valid @NotNull Text label) {
    }

    @Schema(name = "SurveyCondition", description = "Show the question only when this earlier choice question got this option")
    public record Condition(@NotBlank @Size(max = 40) @Schema(examples = "datang-lagi") String questionKey,
            @NotBlank @Size(max = 40) @Schema(examples = "tidak") String optionKey) {
    }

    @Schema(name = "SurveyQuestion")
    public record Question(
            @NotBlank @Size(max = 40) @Pattern(regexp = KEY, message = KEY_MESSAGE)
            @Schema(description = "Unique in the survey and stable across edits; answers are stored by it", examples = "datang-lagi") String key,
            @Valid @NotNull Text text,
            @NotNull QuestionType type,
            @NotNull @Schema(examples = "true") Boolean required,
            @Size(max = 30) @Schema(description = "For SINGLE_CHOICE and MULTIPLE_CHOICE only: at least 2, keys unique in the question")
            List<@Valid @NotNull Option> options,
            @Schema(nullable = true, description = "NUMBER only: the smallest answer allowed", examples = "0") Long min,
            @Schema(nullable = true, description = "NUMBER only: the largest answer allowed", examples = "100") Long max,
            @Valid @Schema(nullable = true) Condition condition) {

        public Question {
            options = options == null ? List.of() : options;
        }

        /** The options, none for a question without. */
        public List<Option> choices() {
            return options;
        }
    }

    @Schema(name = "SurveySection")
    public record Section(@Valid @Schema(nullable = true, description = "An optional heading") Text title,
            @NotNull @Size(min = 1, max = 50) List<@Valid @NotNull Question> questions) {
    }

    @Schema(name = "SurveyRequest", description = "The whole survey document")
    public record Request(@Valid @NotNull Text title,
            @Valid @NotNull LongText introduction,
            @NotNull Access access,
            @NotNull @Schema(description = "One response per account (ignored for ANONYMOUS)", examples = "true") Boolean onePerPerson,
            @NotNull @Size(min = 1, max = 20) List<@Valid @NotNull Section> sections) {
    }

    @Schema(name = "Survey")
    public record View(@Schema(examples = "1") long id,
            Text title,
            LongText introduction,
            Access access,
            boolean onePerPerson,
            Status status,
            List<Section> sections,
            @Schema(description = "How many responses it has", examples = "0") long responses,
            Instant updatedAt,
            @Schema(description = "The version to send as If-Match", examples = "0") int version) {
    }

    @Schema(name = "SurveyPage", description = "Surveys, most recently changed first")
    public record Page(List<View> items, int page, int size, long total) {
    }
}
