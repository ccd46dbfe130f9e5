package id.serambi.event.catalogue;

import id.serambi.common.ProblemException;
import id.serambi.survey.Surveys;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Objects;

/**
 * Whether a survey may be attached to an event as its feedback survey: it must exist and not be CLOSED (a DRAFT may
 * be attached; its link works once it is published). Asked through the survey feature's published interface, on the
 * caller's session.
 */
@ApplicationScoped
public class FeedbackSurveys {

    static final String FIELD = "feedbackSurveyId";

    private final Surveys surveys;

    public FeedbackSurveys(Surveys surveys) {
        this.surveys = surveys;
    }

    /**
     * Completes when {@code wanted} may be attached; a 400 naming {@code field} otherwise. Only a change is checked: an
     * event keeps a survey that was closed after it was attached.
     */
    public Uni<Void> check(String field, Long wanted, Long current) {
        if (wanted == null || Objects.equals(wanted, current)) {
            return Uni.createFrom().voidItem();
        }
        return surveys.summary(wanted).invoke(found -> {
            if (found.isEmpty()) {
                throw ProblemException.invalidField(field, "no survey has the id " + wanted);
            }
            if ("CLOSED".equals(found.get().status())) {
                throw ProblemException.invalidField(field,
                        "survey " + wanted + " is closed; attach a draft or a published survey");
            }
        }).replaceWithVoid();
    }

    public Uni<Void> check(Long wanted, Long current) {
        return check(FIELD, wanted, current);
    }
}
