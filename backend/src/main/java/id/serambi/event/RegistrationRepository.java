package id.serambi.event;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.util.List;
import org.hibernate.reactive.common.AffectedEntities;

/**
 * Registrations. The seat count is changed only here, by conditional UPDATEs that PostgreSQL checks against the
 * capacity (and the table's CHECK constraint backs them up).
 */
@ApplicationScoped
@WithSession
public class RegistrationRepository implements PanacheRepository<Registration> {

    private static final AffectedEntities EVENTS = new AffectedEntities(Event.class);
    private static final AffectedEntities REGISTRATIONS = new AffectedEntities(Registration.class);

    /** Takes a seat if one is left. True when it did. */
    public Uni<Boolean> claimSeat(long eventId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                UPDATE event SET confirmed_count = confirmed_count + 1
                 WHERE id = :id AND (capacity IS NULL OR confirmed_count < capacity)
                RETURNING id""", Long.class, EVENTS)
                .setParameter("id", eventId)
                .getResultList())
                .map(rows -> !rows.isEmpty());
    }

    /** Takes the given number of seats at once (the caller holds the event's row lock and counted them). */
    public Uni<Void> claimSeats(long eventId, int seats) {
        if (seats == 0) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                UPDATE event SET confirmed_count = confirmed_count + :seats
                 WHERE id = :id AND (capacity IS NULL OR confirmed_count + :seats <= capacity)
                RETURNING id""", Long.class, EVENTS)
                .setParameter("id", eventId)
                .setParameter("seats", seats)
                .getResultList())
                .map(rows -> {
                    if (rows.isEmpty()) {
                        throw new IllegalStateException("no " + seats + " seats left on event " + eventId);
                    }
                    return null;
                });
    }

    public Uni<Void> releaseSeats(long eventId, int seats) {
        if (seats == 0) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "UPDATE event SET confirmed_count = confirmed_count - :seats WHERE id = :id", EVENTS)
                .setParameter("id", eventId).setParameter("seats", seats).executeUpdate()).replaceWithVoid();
    }

    public Uni<Void> releaseSeat(long eventId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "UPDATE event SET confirmed_count = confirmed_count - 1 WHERE id = :id AND confirmed_count > 0",
                EVENTS).setParameter("id", eventId).executeUpdate()).replaceWithVoid();
    }

    /**
     * Moves up to {@code max} of the earliest waitlisted registrants (arrival order) to CONFIRMED and returns their
     * ids. Rows another transaction holds are skipped rather than waited for. Seats are the caller's business.
     */
    public Uni<List<Long>> promoteWaitlisted(long eventId, int max) {
        if (max <= 0) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                UPDATE registration SET status = 'CONFIRMED', confirmed_at = now()
                 WHERE id IN (SELECT id FROM registration
                               WHERE event_id = :event AND status = 'WAITLISTED'
                               ORDER BY id LIMIT :max
                               FOR UPDATE SKIP LOCKED)
                RETURNING id""", Long.class, REGISTRATIONS)
                .setParameter("event", eventId)
                .setParameter("max", max)
                .getResultList())
                .map(ids -> ids.stream().sorted().toList());
    }

    public Uni<Registration> findActiveByEmail(long eventId, String email) {
        return find("eventId = ?1 and lower(email) = lower(?2) and status != ?3", eventId, email.strip(),
                RegistrationStatus.CANCELLED).firstResult();
    }

    /** The registration a manage token opens, as [registration id, event id], or null. */
    public Uni<Object[]> idsForToken(String tokenHash) {
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                "select r.id, r.eventId from Registration r, RegistrationToken t "
                        + "where t.registrationId = r.id and t.tokenHash = :hash", Object[].class)
                .setParameter("hash", tokenHash)
                .getSingleResultOrNull());
    }

    public Uni<Registration> findForUpdate(long id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** 1 for the first in line; 0 when not waitlisted. */
    public Uni<Long> waitlistPosition(Registration r) {
        if (r.status != RegistrationStatus.WAITLISTED) {
            return Uni.createFrom().item(0L);
        }
        return count("eventId = ?1 and status = ?2 and id <= ?3", r.eventId, RegistrationStatus.WAITLISTED, r.id);
    }

    /** Issues a new manage token for a registration and returns it; only its hash is stored. */
    public Uni<String> issueToken(long registrationId) {
        String token = ManageTokens.generate();
        RegistrationToken row = new RegistrationToken();
        row.tokenHash = ManageTokens.hash(token);
        row.registrationId = registrationId;
        return Panache.getSession().chain(s -> s.persist(row)).replaceWith(token);
    }

    /** What erased personal data is replaced with, as for members (privacy.PersonalData). */
    static final String ERASED_NAME = "Dihapus";

    static String erasedEmail(long registrationId) {
        return "dihapus-" + registrationId + "@invalid.serambi.id";
    }

    /**
     * Overwrites a registration's name, e-mail and WhatsApp number, removes the name shown with its live questions,
     * and deletes its manage tokens, so no link opens it any more. The row, its status and its times stay.
     */
    public Uni<Void> erasePersonalData(Registration r) {
        r.name = ERASED_NAME;
        r.email = erasedEmail(r.id);
        r.whatsapp = null;
        return flush().chain(() -> Panache.getSession()).chain(s -> s.createNativeQuery(
                "UPDATE event_question SET display_name = NULL WHERE registration_id = :id")
                .setParameter("id", r.id).executeUpdate()
                .chain(() -> s.createNativeQuery("DELETE FROM registration_token WHERE registration_id = :id")
                        .setParameter("id", r.id).executeUpdate()))
                .replaceWithVoid();
    }

    private static final String PURGE_WHERE = """
            registration_id IN (SELECT r.id FROM registration r JOIN event e ON e.id = r.event_id
                                 WHERE e.ends_at < now() - :retention * interval '1 second')""";

    /**
     * Purges guests' personal data from the registrations of events that ended more than {@code retention} ago:
     * name, e-mail and WhatsApp are overwritten as in an erasure, live-question names removed and manage tokens
     * deleted. Status, times, feedback ratings and counts stay. Idempotent (a purged row is not touched again), so any
     * number of instances may run it at once. Returns the number of registrations purged now.
     */
    public Uni<Integer> purgeEndedBefore(Duration retention) {
        double seconds = retention.toSeconds();
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                UPDATE registration r SET name = :name, email = 'dihapus-' || r.id || '@invalid.serambi.id',
                       whatsapp = NULL
                  FROM event e
                 WHERE r.event_id = e.id AND e.ends_at < now() - :retention * interval '1 second'
                   AND (r.name <> :name OR r.email <> 'dihapus-' || r.id || '@invalid.serambi.id'
                        OR r.whatsapp IS NOT NULL)""", REGISTRATIONS)
                .setParameter("name", ERASED_NAME).setParameter("retention", seconds).executeUpdate()
                .call(() -> s.createNativeQuery("UPDATE event_question SET display_name = NULL WHERE display_name IS "
                        + "NOT NULL AND " + PURGE_WHERE).setParameter("retention", seconds).executeUpdate())
                .call(() -> s.createNativeQuery("DELETE FROM registration_token WHERE " + PURGE_WHERE)
                        .setParameter("retention", seconds).executeUpdate()));
    }

    private static final String EXPORT = """
            SELECT json_build_object(
              'exportedAt', now(),
              'registration', json_build_object('id', r.id, 'name', r.name, 'email', r.email,
                    'whatsapp', r.whatsapp, 'ageGroup', r.age_group, 'status', r.status, 'registeredAt', r.created_at,
                    'confirmedAt', r.confirmed_at, 'cancelledAt', r.cancelled_at, 'reminderSentAt', r.reminder_sent_at,
                    'hourReminderSentAt', r.hour_reminder_sent_at, 'checkinCode', r.checkin_code),
              'event', json_build_object('id', e.id, 'title', e.title, 'startsAt', e.starts_at, 'endsAt', e.ends_at,
                    'status', e.status),
              'attendance', json_build_object('attended', r.status = 'ATTENDED', 'attendedAt', r.attended_at),
              'feedback', (SELECT json_build_object('rating', f.rating, 'comment', f.comment, 'givenAt', f.created_at)
                             FROM event_feedback f WHERE f.registration_id = r.id),
              'questions', coalesce((SELECT json_agg(json_build_object('text', q.text, 'displayName', q.display_name,
                    'status', q.status, 'answer', q.answer, 'upvotes', q.upvotes, 'askedAt', q.created_at,
                    'answeredAt', q.answered_at) ORDER BY q.id)
                  FROM event_question q WHERE q.registration_id = r.id), '[]'::json),
              'questionsUpvoted', (SELECT count(*) FROM event_question_vote v WHERE v.registration_id = r.id)
            )::text
              FROM registration r JOIN event e ON e.id = r.event_id
             WHERE r.id = :id""";

    /** Everything held about one registration, as a JSON document. */
    public Uni<String> export(long registrationId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(EXPORT, String.class)
                .setParameter("id", registrationId).getSingleResult());
    }

    public record Page(List<Registration> items, long total) {
    }

    public Uni<Page> page(long eventId, RegistrationStatus status, String search, int page, int size) {
        // A search matches a fragment of the name, the e-mail or the WhatsApp number, in any letter case.
        String like = search == null || search.isBlank() ? null
                : "%" + search.strip().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                        .replace("_", "\\_") + "%";
        String where = "eventId = :event" + (status == null ? "" : " and status = :status")
                + (like == null ? "" : " and (lower(name) like :like or lower(email) like :like or whatsapp like :like)");
        io.quarkus.panache.common.Parameters params = io.quarkus.panache.common.Parameters.with("event", eventId);
        if (status != null) {
            params = params.and("status", status);
        }
        if (like != null) {
            params = params.and("like", like);
        }
        var query = find(where, Sort.by("id"), params);
        return query.page(io.quarkus.panache.common.Page.of(page, size)).list()
                .chain(items -> query.count().map(total -> new Page(items, total)));
    }

    public Uni<List<Registration>> ofEvent(long eventId, RegistrationStatus status) {
        return status == null ? list("eventId", Sort.by("id"), eventId)
                : list("eventId = ?1 and status = ?2", Sort.by("id"), eventId, status);
    }

    public Uni<List<Registration>> active(long eventId) {
        return list("eventId = ?1 and status != ?2", Sort.by("id"), eventId, RegistrationStatus.CANCELLED);
    }

    /**
     * Claims the reminders due now: confirmed registrations of published events starting within {@code lead}. The
     * UPDATE marks them first, so with two instances each reminder is claimed, and sent, exactly once.
     */
    public Uni<List<Long>> claimDueReminders(Duration lead) {
        return claim("reminder_sent_at", lead, Duration.ZERO);
    }

    /**
     * Claims the last-minute reminders: due within {@code hourLead}. The day-before reminder is claimed only while
     * the start is further away than that, so a late registrant gets one reminder, not two at once.
     */
    public Uni<List<Long>> claimDueReminders(Duration dayLead, Duration hourLead) {
        return claim("reminder_sent_at", dayLead, hourLead)
                .chain(day -> claim("hour_reminder_sent_at", hourLead, Duration.ZERO).map(hour -> {
                    List<Long> all = new java.util.ArrayList<>(day);
                    all.addAll(hour);
                    return all;
                }));
    }

    private Uni<List<Long>> claim(String column, Duration lead, Duration notWithin) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                UPDATE registration r SET %1$s = now()
                  FROM event e
                 WHERE r.event_id = e.id AND e.status = 'PUBLISHED' AND r.status = 'CONFIRMED'
                   AND r.%1$s IS NULL
                   AND e.starts_at > now() + :notWithin * interval '1 second'
                   AND e.starts_at <= now() + :lead * interval '1 second'
                RETURNING r.id""".formatted(column), Long.class, REGISTRATIONS)
                .setParameter("lead", (double) lead.toSeconds())
                .setParameter("notWithin", (double) notWithin.toSeconds())
                .getResultList());
    }

    /** Events that have ended become COMPLETED. */
    public Uni<Integer> completeEndedEvents() {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "UPDATE event SET status = 'COMPLETED', updated_at = now() WHERE status = 'PUBLISHED' AND ends_at <= now()",
                EVENTS).executeUpdate());
    }

    /** After a reschedule, reminders go out again for the new time. */
    public Uni<Integer> resetReminders(long eventId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "UPDATE registration SET reminder_sent_at = NULL, hour_reminder_sent_at = NULL WHERE event_id = :id", REGISTRATIONS)
                .setParameter("id", eventId).executeUpdate());
    }
}
