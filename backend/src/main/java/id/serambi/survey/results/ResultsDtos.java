package id.serambi.survey.results;

import id.serambi.survey.builder.SurveyDtos;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A survey's results as staff see them: counts always (the SPA marks a base under 10), every figure counted in SQL.
 * A question's base ({@code shown}) is every response in the filter, or for a conditional question the responses that
 * gave the condition's answer; {@code answered} is how many of them answered it.
 */
public final class ResultsDtos {

    private ResultsDtos() {
    }

    /** The filters of every results endpoint, each optional. */
    public record Filter(Long eventId, Long challengeId, String phase, LocalDate from, LocalDate to, String ageGroup) {

        Filter withPhase(String p) {
            return new Filter(eventId, challengeId, p, from, to, ageGroup);
        }
    }

    @Schema(name = "SurveyOptionCount")
    public record OptionCount(@Schema(examples = "ya") String key, SurveyDtos.Text label,
            @Schema(description = "Respondents who chose it", examples = "12") long count,
            @Schema(description = "count ÷ answered (for multiple choice, the share of respondents); null when nobody answered",
                    nullable = true, examples = "0.6") Double share) {
    }

    @Schema(name = "SurveyValueCount", description = "How many answered this value of a scale or an NPS question")
    public record ValueCount(@Schema(examples = "5") int value, @Schema(examples = "7") long count) {
    }

    @Schema(name = "SurveyNps", description = "promoters answered 9–10, passives 7–8, detractors 0–6; score = (promoters − detractors) ÷ answered × 100")
    public record Nps(long promoters, long passives, long detractors,
            @Schema(description = "−100..100, one decimal; null when nobody answered", nullable = true, examples = "40.0") Double score) {
    }

    @Schema(name = "SurveyNumberSummary")
    public record NumberSummary(@Schema(examples = "7") double min, @Schema(examples = "12.5") double median,
            @Schema(examples = "13.2") double mean, @Schema(examples = "40") double max) {
    }

    @Schema(name = "SurveyMonthCount")
    public record MonthCount(@Schema(description = "yyyy-MM", examples = "2026-11") String month, @Schema(examples = "3") long count) {
    }

    @Schema(name = "SurveyQuestionResult", description = "The figures of one question; the fields of other types are null")
    public record QuestionResult(@Schema(examples = "datang-lagi") String key, SurveyDtos.Text text, SurveyDtos.QuestionType type,
            @Schema(nullable = true) SurveyDtos.Condition condition,
            @Schema(description = "Responses that were shown it: all, or those that gave the condition's answer", examples = "20") long shown,
            @Schema(description = "Responses that answered it", examples = "18") long answered,
            @Schema(nullable = true, description = "SINGLE_CHOICE and MULTIPLE_CHOICE: per option, in order") List<OptionCount> options,
            @Schema(nullable = true, description = "SCALE_5 (1..5) and NPS (0..10): every value, zeros included") List<ValueCount> distribution,
            @Schema(nullable = true, description = "SCALE_5 and NPS: the mean answer; null when nobody answered", examples = "4.2") Double mean,
            @Schema(nullable = true) Nps nps,
            @Schema(nullable = true, description = "NUMBER: null when nobody answered") NumberSummary number,
            @Schema(nullable = true, description = "DATE: answers per month, in order") List<MonthCount> months) {
    }

    @Schema(name = "SurveyResults")
    public record Results(@Schema(examples = "1") long surveyId, SurveyDtos.Text title,
            @Schema(description = "Responses in the filter", examples = "20") long responses,
            List<QuestionResult> questions) {
    }

    @Schema(name = "SurveyTextAnswer")
    public record TextAnswer(LocalDate submittedOn, @Schema(examples = "Ruangannya terlalu panas") String text,
            @Schema(nullable = true) Long eventId, @Schema(nullable = true) Long challengeId,
            @Schema(nullable = true, examples = "POST") String phase) {
    }

    @Schema(name = "SurveyTextAnswerPage", description = "Text answers of one question, newest first")
    public record TextPage(List<TextAnswer> items, int page, int size, long total) {
    }

    @Schema(name = "SurveyQuestionComparison", description = "One question before and after a challenge")
    public record QuestionComparison(@Schema(examples = "suka-membaca") String key, SurveyDtos.Text text, SurveyDtos.QuestionType type,
            QuestionResult pre, QuestionResult post,
            @Schema(description = "Participants (by account) who answered it both before and after", examples = "9") long answeredBoth) {
    }

    @Schema(name = "SurveyComparison", description = "A survey's answers before (PRE) and after (POST) one challenge")
    public record Comparison(@Schema(examples = "1") long surveyId, @Schema(examples = "3") long challengeId,
            @Schema(examples = "14") long preResponses, @Schema(examples = "11") long postResponses,
            @Schema(description = "Participants (by account) who responded both before and after", examples = "9") long participantsBoth,
            List<QuestionComparison> questions) {
    }
}
