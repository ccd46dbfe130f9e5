package id.serambi.survey.builder;

import id.serambi.survey.Surveys;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** {@link Surveys} from the builder's own table. */
@ApplicationScoped
public class SurveySummaries implements Surveys {

    private final SurveyRepository surveys;

    public SurveySummaries(SurveyRepository surveys) {
        this.surveys = surveys;
    }

    @Override
    public Uni<Optional<Summary>> summary(long id) {
        return surveys.find(id, false).map(v -> Optional.ofNullable(v).map(s -> new Summary(s.id(), s.title().id(),
                s.title().en(), s.access().name(), s.status().name())));
    }
}
