package id.serambi.survey.builder;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The one query of the demo surveys: whether a survey of a title exists. */
@ApplicationScoped
public class DemoSurveyRepository {

    /** The oldest survey with this Indonesian title, or a null item. */
    public Uni<Long> idByTitle(String titleId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "SELECT id FROM survey WHERE title_id = :title ORDER BY id LIMIT 1", Long.class)
                .setParameter("title", titleId).getResultList())
                .map(ids -> ids.isEmpty() ? null : ids.get(0));
    }
}
