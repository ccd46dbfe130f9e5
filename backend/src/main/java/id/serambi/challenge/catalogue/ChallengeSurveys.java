package id.serambi.challenge.catalogue;

import id.serambi.survey.Surveys;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether surveys may be attached to a challenge (before and after it): each must exist and not be CLOSED (a DRAFT
 * may be attached; it can be answered once published). Asked through the survey feature's published interface, on
 * the caller's session.
 */
@ApplicationScoped
public class ChallengeSurveys {

    private final Surveys surveys;

    public ChallengeSurveys(Surveys surveys) {
        this.surveys = surveys;
    }

    /**
     * Completes when the request's surveys may be attached; a 400 naming preSurveyId or postSurveyId otherwise. Only a
     * change is checked: a challenge keeps a survey that was closed after it was attached.
     */
    public Uni<Void> check(ChallengeRequest request, Long currentPre, Long currentPost) {
        return check("preSurveyId", request.preSurveyId(), currentPre)
                .chain(() -> check("postSurveyId", request.postSurveyId(), currentPost));
    }

    private Uni<Void> check(String field, Long wanted, Long current) {
        return surveys.checkAttachable(field, wanted, current);
    }
}
