package id.serambi.event.catalogue;

import id.serambi.survey.Surveys;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

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
        return surveys.checkAttachable(field, wanted, current);
    }

    public Uni<Void> check(Long wanted, Long current) {
        return check(FIELD, wanted, current);
    }
}
