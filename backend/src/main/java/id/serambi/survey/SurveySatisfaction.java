package id.serambi.survey;

import io.smallrye.mutiny.Uni;
import java.util.Collection;
import java.util.Map;

/**
 * How satisfied the participants of events were, from the survey responses given after them (any survey whose
 * response names the event): for the campaign dashboard, which shows the events a campaign promoted. Chain it on the
 * caller's session.
 */
public interface SurveySatisfaction {

    /**
     * The responses given after one event, the mean of their 1–5 scale answers and the NPS (−100..100) of their 0–10
     * answers; {@code meanScale} and {@code nps} are null when no such answer was given.
     */
    record Satisfaction(long responses, long scaleAnswers, Double meanScale, long npsAnswers, Double nps) {
    }

    /** By event id, only the events that have a response. */
    Uni<Map<Long, Satisfaction>> ofEvents(Collection<Long> eventIds);
}
