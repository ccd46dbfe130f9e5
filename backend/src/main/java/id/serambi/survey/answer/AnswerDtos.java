package id.serambi.survey.answer;

import id.serambi.survey.builder.SurveyDtos;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A published survey as a patron answers it, and the answers sent back. */
public final class AnswerDtos {

    private AnswerDtos() {
    }

    @Schema(name = "SurveyForm", description = "A published survey to answer")
    public record Form(@Schema(examples = "1") long id,
            SurveyDtos.Text title,
            SurveyDtos.LongText introduction,
            SurveyDtos.Access access,
            @Schema(description = "One response per person (per registration, or per account in this context)") boolean onePerPerson,
            List<SurveyDtos.Section> sections,
            @Schema(description = "Send back with the answers; a form is answered 3 seconds to 24 hours after it was served",
                    examples = "1796349600000.q3mB0v9TQ2oXkH7cJd1Lr8sYw4aZpE6nUf5tGiKx0Vb") String formToken,
            @Schema(description = "This respondent has answered this one-per-person survey in this context already")
            boolean alreadyAnswered) {
    }

    @Schema(name = "SurveyAnswers", description = "Answers to a survey's questions by key, and the form's token")
    public record Submission(
            @NotNull @Size(max = 200) @Schema(type = SchemaType.OBJECT, additionalProperties = Schema.True.class,
                    description = "By question key: SINGLE_CHOICE an option key; MULTIPLE_CHOICE an array of distinct option keys; "
                            + "SCALE_5 an integer 1–5; NPS an integer 0–10; SHORT_TEXT up to 300 characters; LONG_TEXT up to 4000; "
                            + "DATE yyyy-MM-dd; NUMBER a number within the question's range. Only the questions shown (their "
                            + "condition met) may be answered; the required ones among them must be.",
                    examples = "{\"datang-lagi\":\"tidak\",\"alasan\":\"Terlalu pagi.\",\"rekomendasi\":8}") Map<String, Object> answers,
            @NotBlank @Size(max = 200) @Schema(description = "The form's formToken") String formToken,
            @Size(max = 500) @Schema(nullable = true, description = "Leave empty (a field people never see)") String website,
            @Size(max = 200) @Schema(nullable = true, description = "A registration's manage token, from the link that opened the form")
            String token,
            @Positive @Schema(nullable = true, description = "The event the form was opened for", examples = "12") Long event,
            @Positive @Schema(nullable = true, description = "The challenge the form was opened for", examples = "3") Long challenge) {
    }

    @Schema(name = "SurveyAnswerReceipt", description = "The answers were received; nothing identifies the response")
    public record Receipt(@Schema(examples = "true") boolean received) {
    }
}
