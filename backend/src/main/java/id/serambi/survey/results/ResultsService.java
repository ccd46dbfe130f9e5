package id.serambi.survey.results;

import id.serambi.common.PageDto;
import id.serambi.common.ProblemException;
import id.serambi.survey.builder.SurveyDtos;
import id.serambi.survey.builder.SurveyDtos.Question;
import id.serambi.survey.builder.SurveyDtos.QuestionType;
import id.serambi.survey.builder.SurveyRepository;
import id.serambi.survey.results.ResultsDtos.Filter;
import id.serambi.survey.results.ResultsDtos.QuestionResult;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A survey's results: the figures of every question (counted in SQL by {@link ResultsRepository}), its text answers,
 * the comparison before and after a challenge, and the responses as rows for the CSV and Excel exports. Read-only.
 */
@ApplicationScoped
public class ResultsService {

    /** The export's fixed columns, before one column per question. */
    static final List<String> EXPORT_HEADER = List.of("Tanggal", "Acara", "Tantangan", "Fase", "Kelompok usia");
    static final Map<String, String> AGE_GROUPS = Map.of("CHILD", "Anak", "TEEN", "Remaja", "ADULT", "Dewasa", "SENIOR", "Lansia");
    static final Map<String, String> PHASES = Map.of("PRE", "Sebelum", "POST", "Sesudah");

    /** The header and rows of an export, and the survey's id for the file name. */
    public record Export(long surveyId, List<String> header, List<Object[]> rows) {
    }

    private final SurveyRepository surveys;
    private final ResultsRepository results;

    public ResultsService(SurveyRepository surveys, ResultsRepository results) {
        this.surveys = surveys;
        this.results = results;
    }

    @WithSession
    public Uni<ResultsDtos.Results> results(long id, Filter filter) {
        return survey(id).chain(survey -> questions(survey, filter).map(figures -> new ResultsDtos.Results(id, survey.title(),
                figures.total(), figures.questions())));
    }

    /** A text question's answers, newest first; a key that is no text question of the survey is a 400 naming question. */
    @WithSession
    public Uni<ResultsDtos.TextPage> texts(long id, String key, String search, Filter filter, PageDto.Request page) {
        return survey(id).chain(survey -> {
            Question question = all(survey).stream().filter(q -> q.key().equals(key)).findFirst().orElse(null);
            if (question == null || (question.type() != QuestionType.SHORT_TEXT && question.type() != QuestionType.LONG_TEXT)) {
                throw ProblemException.invalidField("question", "must be the key of a SHORT_TEXT or LONG_TEXT question of survey "
                        + id + " (\"" + key + "\" is not)");
            }
            return results.countTexts(id, filter, key, search).chain(total -> results.texts(id, filter, key, search,
                    page.offset(), page.size()).map(items -> new ResultsDtos.TextPage(items, page.page(), page.size(), total)));
        });
    }

    /** The survey's figures before and after the challenge, side by side. */
    @WithSession
    public Uni<ResultsDtos.Comparison> comparison(long id, long challengeId, Filter filter) {
        Filter inChallenge = new Filter(filter.eventId(), challengeId, null, filter.from(), filter.to(), filter.ageGroup());
        return survey(id).chain(survey -> results.challengeExists(challengeId).chain(exists -> {
            if (!exists) {
                throw ProblemException.notFound("Challenge", challengeId);
            }
            return questions(survey, inChallenge.withPhase("PRE"));
        }).chain(pre -> questions(survey, inChallenge.withPhase("POST")).chain(post -> results.bothPhases(id, inChallenge)
                .chain(both -> results.answeredBothPhases(id, inChallenge).map(answeredBoth -> {
                    List<ResultsDtos.QuestionComparison> side = new ArrayList<>();
                    for (int i = 0; i < pre.questions().size(); i++) {
                        QuestionResult before = pre.questions().get(i);
                        side.add(new ResultsDtos.QuestionComparison(before.key(), before.text(), before.type(), before,
                                post.questions().get(i), answeredBoth.getOrDefault(before.key(), 0L)));
                    }
                    return new ResultsDtos.Comparison(id, challengeId, pre.total(), post.total(), both, side);
                })))));
    }

    /**
     * Every response in the filter as a row: day, event title, challenge title, phase, age group, then one cell per
     * question (option labels in Bahasa Indonesia, multiple choices joined with "; "). No account, name or registration.
     */
    @WithSession
    public Uni<Export> export(long id, Filter filter) {
        return survey(id).chain(survey -> results.rows(id, filter).map(rows -> {
            List<Question> questions = all(survey);
            List<String> header = new ArrayList<>(EXPORT_HEADER);
            questions.forEach(q -> header.add(q.text().id()));
            List<Object[]> out = new ArrayList<>(rows.size());
            for (ResultsRepository.Row r : rows) {
                Object[] row = new Object[header.size()];
                row[0] = r.submittedOn();
                row[1] = r.eventTitle();
                row[2] = r.challengeTitle();
                row[3] = r.phase() == null ? null : PHASES.get(r.phase());
                row[4] = r.ageGroup() == null ? null : AGE_GROUPS.get(r.ageGroup());
                for (int q = 0; q < questions.size(); q++) {
                    row[EXPORT_HEADER.size() + q] = cell(questions.get(q), r.answers().get(questions.get(q).key()));
                }
                out.add(row);
            }
            return new Export(id, header, out);
        }));
    }

    /** The NPS of these counts, −100..100 to one decimal. */
    static double npsScore(long promoters, long detractors, long answered) {
        return Math.round(1000.0 * (promoters - detractors) / answered) / 10.0;
    }

    private record Figures(long total, List<QuestionResult> questions) {
    }

    /** Every question's figures in the filter: five queries, whatever the number of questions. */
    private Uni<Figures> questions(SurveyDtos.View survey, Filter f) {
        List<Question> questions = all(survey);
        List<String> valueKeys = keys(questions, t -> t.choice() || t == QuestionType.SCALE_5 || t == QuestionType.NPS);
        List<String> numberKeys = keys(questions, t -> t == QuestionType.NUMBER);
        List<String> dateKeys = keys(questions, t -> t == QuestionType.DATE);
        long id = survey.id();
        return results.count(id, f).chain(total -> results.answered(id, f).chain(answered -> results.values(id, f, valueKeys)
                .chain(values -> results.numbers(id, f, numberKeys).chain(numbers -> results.months(id, f, dateKeys)
                        .map(months -> new Figures(total, questions.stream().map(q -> result(q, total, answered, values,
                                numbers, months)).toList()))))));
    }

    private static QuestionResult result(Question q, long total, Map<String, Long> answeredByKey,
            Map<String, Map<String, Long>> values, Map<String, ResultsRepository.Numbers> numbers, Map<String, Map<String, Long>> months) {
        long shown = q.condition() == null ? total
                : values.getOrDefault(q.condition().questionKey(), Map.of()).getOrDefault(q.condition().optionKey(), 0L);
        long answered = answeredByKey.getOrDefault(q.key(), 0L);
        Map<String, Long> mine = values.getOrDefault(q.key(), Map.of());
        List<ResultsDtos.OptionCount> options = null;
        List<ResultsDtos.ValueCount> distribution = null;
        Double mean = null;
        ResultsDtos.Nps nps = null;
        ResultsDtos.NumberSummary number = null;
        List<ResultsDtos.MonthCount> perMonth = null;
        switch (q.type()) {
            case SINGLE_CHOICE, MULTIPLE_CHOICE -> options = q.choices().stream().map(o -> {
                long count = mine.getOrDefault(o.key(), 0L);
                return new ResultsDtos.OptionCount(o.key(), o.label(), count, answered == 0 ? null : (double) count / answered);
            }).toList();
            case SCALE_5, NPS -> {
                int low = q.type() == QuestionType.NPS ? 0 : 1;
                int high = q.type() == QuestionType.NPS ? 10 : 5;
                distribution = new ArrayList<>();
                long n = 0;
                long sum = 0;
                long promoters = 0;
                long detractors = 0;
                for (int v = low; v <= high; v++) {
                    long count = mine.getOrDefault(String.valueOf(v), 0L);
                    distribution.add(new ResultsDtos.ValueCount(v, count));
                    n += count;
                    sum += count * v;
                    promoters += v >= 9 ? count : 0;
                    detractors += v <= 6 ? count : 0;
                }
                mean = n == 0 ? null : (double) sum / n;
                if (q.type() == QuestionType.NPS) {
                    nps = new ResultsDtos.Nps(promoters, n - promoters - detractors, detractors, n == 0 ? null : npsScore(promoters, detractors, n));
                }
            }
            case NUMBER -> {
                ResultsRepository.Numbers found = numbers.get(q.key());
                number = found == null ? null : new ResultsDtos.NumberSummary(found.min(), found.median(), found.mean(), found.max());
            }
            case DATE -> perMonth = months.getOrDefault(q.key(), Map.of()).entrySet().stream()
                    .map(e -> new ResultsDtos.MonthCount(e.getKey(), e.getValue())).toList();
            default -> {
            }
        }
        return new QuestionResult(q.key(), q.text(), q.type(), q.condition(), shown, answered, options, distribution, mean, nps,
                number, perMonth);
    }

    private static List<String> keys(List<Question> questions, java.util.function.Predicate<QuestionType> type) {
        return questions.stream().filter(q -> type.test(q.type())).map(Question::key).toList();
    }

    private static List<Question> all(SurveyDtos.View survey) {
        List<Question> all = new ArrayList<>();
        survey.sections().forEach(s -> all.addAll(s.questions()));
        return all;
    }

    /** An answer as a cell: an option's Indonesian label, labels joined by "; ", a number, a date, a text. */
    private static Object cell(Question q, Object answer) {
        if (answer == null) {
            return null;
        }
        return switch (q.type()) {
            case SINGLE_CHOICE -> label(q, answer.toString());
            case MULTIPLE_CHOICE -> answer instanceof Collection<?> many
                    ? many.stream().map(o -> label(q, String.valueOf(o))).collect(Collectors.joining("; "))
                    : label(q, answer.toString());
            case SCALE_5, NPS, NUMBER -> answer instanceof Number ? answer : answer.toString();
            case DATE -> date(answer.toString());
            default -> answer.toString();
        };
    }

    private static String label(Question q, String optionKey) {
        return q.choices().stream().filter(o -> o.key().equals(optionKey)).map(o -> o.label().id()).findFirst().orElse(optionKey);
    }

    private static Object date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return text;
        }
    }

    private Uni<SurveyDtos.View> survey(long id) {
        return surveys.find(id, false).map(survey -> {
            if (survey == null) {
                throw ProblemException.notFound("Survey", id);
            }
            return survey;
        });
    }
}
