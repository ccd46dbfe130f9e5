package id.serambi.survey.builder;

import id.serambi.common.IfMatch;
import id.serambi.common.Problem;
import id.serambi.common.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Staff build surveys: create, change (within the edit rules once answered), publish, close, duplicate, delete. */
@ApplicationScoped
public class SurveyService {

    static final String COPY_ID = " (salinan)";
    static final String COPY_EN = " (copy)";
    private static final int TITLE_MAX = 500;

    private final SurveyRepository surveys;

    public SurveyService(SurveyRepository surveys) {
        this.surveys = surveys;
    }

    /** A page of surveys; only those in {@code status} unless it is null. */
    @WithSession
    public Uni<SurveyDtos.Page> list(SurveyDtos.Status status, int page, int size) {
        return surveys.page(status, page * size, size).map(p -> new SurveyDtos.Page(p.items(), page, size, p.total()));
    }

    @WithSession
    public Uni<SurveyDtos.View> get(long id) {
        return existing(id, false);
    }

    @WithTransaction
    public Uni<SurveyDtos.View> create(SurveyDtos.Request request) {
        SurveyDocument.validate(request);
        return surveys.create(request).chain(id -> existing(id, false));
    }

    /**
     * Replaces the whole document. Once the survey has a response, a change that would alter what earlier answers
     * mean is a 409 listing every reason.
     */
    @WithTransaction
    public Uni<SurveyDtos.View> update(long id, int version, SurveyDtos.Request request) {
        SurveyDocument.validate(request);
        return existing(id, true).chain(current -> {
            IfMatch.check("Survey", id, current.version(), version);
            if (current.responses() == 0) {
                return Uni.createFrom().voidItem();
            }
            List<String> ranges = new ArrayList<>();
            List<Problem.FieldError> reasons = new ArrayList<>(SurveyDocument.meaningChanges(current, request, ranges));
            Map<String, SurveyDtos.Question> changed = SurveyDocument.questions(request.sections());
            return Multi.createFrom().iterable(ranges).onItem().transformToUniAndConcatenate(key -> surveys.answeredRange(id, key)
                    .invoke(range -> outside(key, changed.get(key), range, reasons))).collect().asList()
                    .invoke(checked -> {
                        if (!reasons.isEmpty()) {
                            throw meaningChanged(current.responses(), reasons);
                        }
                    }).replaceWithVoid();
        }).chain(() -> surveys.update(id, request)).chain(() -> existing(id, false));
    }

    @WithTransaction
    public Uni<SurveyDtos.View> publish(long id) {
        return existing(id, true).chain(current -> current.status() == SurveyDtos.Status.PUBLISHED ? Uni.createFrom().item(current)
                : surveys.status(id, SurveyDtos.Status.PUBLISHED).chain(() -> existing(id, false)));
    }

    @WithTransaction
    public Uni<SurveyDtos.View> close(long id) {
        return existing(id, true).chain(current -> switch (current.status()) {
            case CLOSED -> Uni.createFrom().item(current);
            case DRAFT -> Uni.createFrom().failure(ProblemException.conflict("survey-not-published", "Survey not published",
                    "Survey " + id + " is a draft; publish it before closing it"));
            case PUBLISHED -> surveys.status(id, SurveyDtos.Status.CLOSED).chain(() -> existing(id, false));
        });
    }

    /** A draft copy of the survey, its title marked "(salinan)" / "(copy)". */
    @WithTransaction
    public Uni<SurveyDtos.View> duplicate(long id) {
        return existing(id, false).chain(original -> surveys.create(new SurveyDtos.Request(
                new SurveyDtos.Text(copyTitle(original.title().id(), COPY_ID), copyTitle(original.title().en(), COPY_EN)),
                original.introduction(), original.access(), original.onePerPerson(), original.sections())))
                .chain(copy -> existing(copy, false));
    }

    /** Deletes a survey that has no response; one with responses is a 409. */
    @WithTransaction
    public Uni<Void> delete(long id) {
        return existing(id, true).chain(current -> surveys.deleteWithoutResponses(id)).invoke(deleted -> {
            if (!deleted) {
                throw ProblemException.conflict("survey-has-responses", "Survey has responses",
                        "Survey " + id + " has responses and cannot be deleted; close it instead");
            }
        }).replaceWithVoid();
    }

    private static String copyTitle(String title, String mark) {
        String base = title.length() + mark.length() > TITLE_MAX ? title.substring(0, TITLE_MAX - mark.length()).strip() : title;
        return base + mark;
    }

    private static void outside(String key, SurveyDtos.Question question, BigDecimal[] range, List<Problem.FieldError> reasons) {
        boolean below = range[0] != null && question.min() != null && range[0].compareTo(BigDecimal.valueOf(question.min())) < 0;
        boolean above = range[1] != null && question.max() != null && range[1].compareTo(BigDecimal.valueOf(question.max())) > 0;
        if (below || above) {
            reasons.add(new Problem.FieldError("question " + key, "the new range " + bound(question.min()) + ".." + bound(question.max())
                    + " leaves out earlier answers (" + range[0].toPlainString() + ".." + range[1].toPlainString() + ")"));
        }
    }

    private static String bound(Long value) {
        return value == null ? "" : value.toString();
    }

    private static ProblemException meaningChanged(long responses, List<Problem.FieldError> reasons) {
        StringBuilder detail = new StringBuilder("The survey has " + responses + (responses == 1 ? " response" : " responses")
                + "; this change would alter what they mean: ");
        for (int i = 0; i < reasons.size(); i++) {
            detail.append(i == 0 ? "" : "; ").append(reasons.get(i).field()).append(' ').append(reasons.get(i).message());
        }
        detail.append(". Fix texts, reorder, or add optional questions and new options at the end instead, or duplicate the survey.");
        return new ProblemException(409, "survey-answered", "Change would alter earlier answers", detail.toString(), reasons, Map.of());
    }

    private Uni<SurveyDtos.View> existing(long id, boolean lock) {
        return surveys.find(id, lock).map(survey -> {
            if (survey == null) {
                throw ProblemException.notFound("Survey", id);
            }
            return survey;
        });
    }
}
