package id.serambi.event.catalogue;

import id.serambi.common.Audience;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.hibernate.reactive.common.AffectedEntities;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

@ApplicationScoped
@WithSession
public class EventRepository implements PanacheRepository<Event> {

    private static final AffectedEntities EVENTS = new AffectedEntities(Event.class);

    /** What a list asks for. With upcomingOnly and no from/to, only events that have not ended yet. */
    public record Filter(Set<EventStatus> statuses, EventType type, Audience audience, String language, Instant from,
            Instant to, boolean upcomingOnly) {
    }

    /**
     * A page of events with the waitlist length of each. For a list of events that have not ended, nextEnd is when
     * the first of all matching events ends (and so leaves the list); null otherwise.
     */
    public record Found(List<Event> events, Map<Long, Long> waitlists, long total, Instant nextEnd) {
        public long waitlistOf(Event e) {
            return waitlists.getOrDefault(e.id, 0L);
        }
    }

    /** The event with its row locked until the transaction ends: registrations and edits of it queue here. */
    public Uni<Event> findForUpdate(long id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<Found> search(Filter filter, int page, int size) {
        StringBuilder where = new StringBuilder("status in :statuses");
        Parameters params = Parameters.with("statuses", filter.statuses());
        if (filter.type() != null) {
            where.append(" and type = :type");
            params.and("type", filter.type());
        }
        if (filter.audience() != null) {
            // An event for everyone is also an event for teens.
            where.append(" and (audience = :audience or audience = :all)");
            params.and("audience", filter.audience()).and("all", Audience.ALL);
        }
        if (filter.language() != null) {
            where.append(" and language = :language");
            params.and("language", filter.language());
        }
        if (filter.from() != null) {
            where.append(" and startsAt >= :from");
            params.and("from", filter.from());
        }
        if (filter.to() != null) {
            where.append(" and startsAt < :to");
            params.and("to", filter.to());
        }
        boolean endsMatter = filter.upcomingOnly() && filter.from() == null && filter.to() == null;
        if (endsMatter) {
            where.append(" and endsAt > :now");
            params.and("now", Instant.now());
        }
        String query = where.toString();
        return find(query, Sort.by("startsAt").and("id"), params).page(Page.of(page, size)).list()
                .chain(events -> waitlistCounts(events.stream().map(e -> e.id).toList())
                        .chain(waitlists -> count(query, params)
                                .chain(total -> (endsMatter ? nextEnd(query, params) : Uni.createFrom().<Instant>nullItem())
                                        .map(nextEnd -> new Found(events, waitlists, total, nextEnd)))));
    }

    private Uni<Instant> nextEnd(String where, Parameters params) {
        return Panache.getSession().chain(s -> {
            var query = s.createSelectionQuery("select min(endsAt) from Event where " + where, Instant.class);
            params.map().forEach(query::setParameter);
            return query.getSingleResultOrNull();
        });
    }

    /**
     * How many wait for a seat, per event (absent: none). The event row keeps the count (V68's triggers on
     * registration), so a page of events costs one primary-key read however long their waitlists grow.
     */
    public Uni<Map<Long, Long>> waitlistCounts(Collection<Long> eventIds) {
        if (eventIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                SELECT id, waitlisted_count FROM event
                 WHERE id IN (:ids) AND waitlisted_count > 0""", Object[].class)
                .setParameter("ids", eventIds)
                .getResultList())
                .map(rows -> {
                    Map<Long, Long> counts = new HashMap<>();
                    for (Object[] row : rows) {
                        counts.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
                    }
                    return counts;
                });
    }

    public Uni<Long> waitlistCount(long eventId) {
        return waitlistCounts(List.of(eventId)).map(counts -> counts.getOrDefault(eventId, 0L));
    }

    /** The events with these ids, in id order. */
    public Uni<List<Event>> byIds(Collection<Long> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of()) : list("id in ?1", Sort.by("id"), ids);
    }

    /** The occurrences of a series, in order. */
    public Uni<List<Event>> ofSeries(long seriesId) {
        return list("seriesId", Sort.by("startsAt").and("id"), seriesId);
    }

    /** Sets the feedback survey of the events with these titles that have none and are not closed; how many. */
    public Uni<Integer> attachFeedbackSurvey(List<String> titles, long surveyId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                UPDATE event SET feedback_survey_id = :survey, version = version + 1, updated_at = now()
                 WHERE title IN (:titles) AND feedback_survey_id IS NULL AND status IN ('DRAFT', 'PUBLISHED')""",
                EVENTS).setParameter("survey", surveyId).setParameter("titles", titles).executeUpdate());
    }

    public Uni<Boolean> titleTaken(String title) {
        return count("title", title).map(n -> n > 0);
    }

    /** Published and completed events that ended after {@code since}, by start, at most {@code max}. */
    public Uni<List<Event>> publicSince(Instant since, int max) {
        return find("status in ?1 and endsAt > ?2 order by startsAt, id",
                List.of(EventStatus.PUBLISHED, EventStatus.COMPLETED), since).range(0, max - 1).list();
    }

    /** Events starting in [from, to), by start time then id. */
    public Uni<List<Event>> startingBetween(Instant from, Instant to) {
        return list("startsAt >= ?1 and startsAt < ?2 order by startsAt, id", from, to);
    }

    /** Events that have ended become COMPLETED. */
    public Uni<Integer> completeEnded() {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "UPDATE event SET status = 'COMPLETED', updated_at = now() WHERE status = 'PUBLISHED' AND ends_at <= now()",
                EVENTS).executeUpdate());
    }
}
