package id.serambi.survey.answer;

import id.serambi.survey.SurveyResponses;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;

/** {@link SurveyResponses}: the responses given through registrations' manage links, erased and exported. */
@ApplicationScoped
public class RegistrationResponses implements SurveyResponses {

    private final AnswerRepository responses;

    public RegistrationResponses(AnswerRepository responses) {
        this.responses = responses;
    }

    @Override
    @WithSession
    public Uni<Integer> eraseOfRegistrations(List<Long> registrationIds) {
        return responses.deleteOfRegistrations(List.copyOf(registrationIds));
    }

    @Override
    @WithSession
    public Uni<String> exportOfRegistrations(List<Long> registrationIds) {
        return responses.exportOfRegistrations(List.copyOf(registrationIds));
    }

    @Override
    @WithSession
    public Uni<Integer> unlinkOfEventsEndedBefore(Duration retention) {
        return responses.unlinkOfEventsEndedBefore(retention);
    }
}
