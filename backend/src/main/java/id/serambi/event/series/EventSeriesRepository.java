package id.serambi.event.series;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
@WithSession
public class EventSeriesRepository implements PanacheRepository<EventSeries> {

    public Uni<Boolean> titleTaken(String title) {
        return count("title", title).map(n -> n > 0);
    }
}
