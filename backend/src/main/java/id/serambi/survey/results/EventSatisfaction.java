package id.serambi.survey.results;

import id.serambi.survey.SurveySatisfaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Map;

/** {@link SurveySatisfaction} counted in SQL over the responses that name the events. */
@ApplicationScoped
public class EventSatisfaction implements SurveySatisfaction {

    private final ResultsRepository results;

    public EventSatisfaction(ResultsRepository results) {
        this.results = results;
    }

    @Override
    public Uni<Map<Long, Satisfaction>> ofEvents(Collection<Long> eventIds) {
        return results.satisfaction(eventIds);
    }
}
