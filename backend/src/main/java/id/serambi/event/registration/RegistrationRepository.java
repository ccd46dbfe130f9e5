package id.serambi.event.registration;

import id.serambi.common.SqlTimes;
import id.serambi.event.catalogue.Event;
import id.serambi.event.catalogue.EventStatus;
import id.serambi.event.catalogue.Platform;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.reactive.common.AffectedEntities;

/**
 * Registrations, and every change of an event's seat count ({@code event.confirmed_count}): nothing outside this
 * class changes it. Each change is one guarded statement that PostgreSQL checks against the capacity on the latest
 * row version (the table's CHECK constraint backs them up): {@link #takeSeats} and {@link #releaseSeats} inside an
 * ORM transaction, and the seat step of {@link #CLAIM} and {@link #CLAIM_ALL}.
 * <p>
 * A new registration is the hot path of a rush on an event's last seats, so its SQL is sent on the connection pool
 * without an ORM session (these methods open none):
 * <ul>
 * <li>{@link #lookup}: one read, no lock: the event and the patron's active registration for it, if any.</li>
 * <li>{@link #claim}: one statement that commits by itself: lock the event (only while it is published), take a seat
 * if one is left, insert the registration as CONFIRMED or WAITLISTED and store its manage token. The event's row
 * lock, on which every seat change for that event queues, is held only while PostgreSQL runs it, never across round
 * trips to the app.</li>
 * <li>{@link #claimAll}: the same for several patrons at once (see {@link ClaimLine}): one lock and one commit for
 * all of them, the seats left going to the first ones.</li>
 * <li>{@link #positions}: where the waitlisted ones stand in line, as their claim read it from the event row's
 * waitlist count (no statement).</li>
 * </ul>
 * Every other method runs on the caller's ORM session.
 */
@ApplicationScoped
public class RegistrationRepository implements PanacheRepository<Registration> {

    /** The promotion of {@link #promoteWaitlisted}: the line's head, from the waitlist's index, locked and confirmed. */
    static final String PROMOTE = """
            UPDATE registration SET status = 'CONFIRMED', confirmed_at = now()
             WHERE id = ANY (ARRAY(SELECT id FROM registration
                                    WHERE event_id BETWEEN :event AND :event AND status = 'WAITLISTED'
                                    ORDER BY event_id, id LIMIT :max
                                    FOR UPDATE SKIP LOCKED))
            RETURNING id""";

    private final Pool pool;

    public RegistrationRepository(Pool pool) {
        this.pool = pool;
    }

    private static final AffectedEntities EVENTS = new AffectedEntities(Event.class);
    private static final AffectedEntities REGISTRATIONS = new AffectedEntities(Registration.class);

    /**
     * Takes {@code seats} seats if that many are left: true when it did, false (and nothing changed) when not. The
     * guarded UPDATE is checked by PostgreSQL on the latest row version; the table's CHECK constraint backs it up.
     */
    @WithSession
    public Uni<Boolean> takeSeats(long eventId, int seats) {
        if (seats == 0) {
            return Uni.createFrom().item(true);
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                UPDATE event SET confirmed_count = confirmed_count + :seats
                 WHERE id = :id AND (capacity IS NULL OR confirmed_count + :seats <= capacity)
                RETURNING id""", Long.class, EVENTS)
                .setParameter("id", eventId)
                .setParameter("seats", seats)
                .getResultList())
                .map(rows -> !rows.isEmpty());
    }

    /** Releases seats that registrations gave up (never below zero). */
    @WithSession
    public Uni<Void> releaseSeats(long eventId, int seats) {
        if (seats == 0) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "UPDATE event SET confirmed_count = confirmed_count - :seats WHERE id = :id AND confirmed_count >= :seats",
                EVENTS).setParameter("id", eventId).setParameter("seats", seats).executeUpdate()).replaceWithVoid();
    }

    /**
     * Moves up to {@code max} of the earliest waitlisted registrants (arrival order) to CONFIRMED and returns their
     * ids. Rows another transaction holds are skipped rather than waited for. Seats are the caller's business.
     * <p>
     * The line's head is read from the waitlist's own index, {@code registration_waitlist_idx (event_id, id) WHERE
     * status = 'WAITLISTED'}, whatever the planner estimates: {@code event_id BETWEEN :event AND :event} with
     * {@code ORDER BY event_id, id} is an order only an {@code (event_id, id)} index gives (with {@code event_id =
     * :event} the order is plain {@code id}, which the primary key gives too). Written with {@code event_id =} and
     * {@code IN (...)}, PostgreSQL walked the primary key from the first registration of all, filtering, or hashed a
     * sequential scan of the whole table (the generic plan, with the LIMIT a parameter): a promotion cost 1.8 ms at
     * the soak's start and 11 ms after 20 minutes, growing with the table (bench/RESULTS.md "Soak", 2026-12-06).
     * {@link WaitlistHeadPlanTest} checks the plan.
     */
    @WithSession
    public Uni<List<Long>> promoteWaitlisted(long eventId, int max) {
        if (max <= 0) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(s -> s.createNativeQuery(PROMOTE, Long.class, REGISTRATIONS)
                .setParameter("event", eventId)
                .setParameter("max", max)
                .getResultList())
                .map(ids -> ids.stream().sorted().toList());
    }

    @WithSession
    public Uni<Registration> findActiveByEmail(long eventId, String email) {
        return find("eventId = ?1 and lower(email) = lower(?2) and status != ?3", eventId, email.strip(),
                RegistrationStatus.CANCELLED).firstResult();
    }

    /** The registration a manage token opens, as [registration id, event id], or null. */
    @WithSession
    public Uni<Object[]> idsForToken(String tokenHash) {
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                "select r.id, r.eventId from Registration r, RegistrationToken t "
                        + "where t.registrationId = r.id and t.tokenHash = :hash", Object[].class)
                .setParameter("hash", tokenHash)
                .getSingleResultOrNull());
    }

    /** Who answers an event's feedback survey through a manage token: the registration and its event's survey. */
    public record SurveyRespondent(long registrationId, long eventId, RegistrationStatus status, AgeGroup ageGroup,
            Long feedbackSurveyId, Instant eventStartsAt) {
    }

    /**
     * The registration a manage token opens, with its event's feedback survey; a null item for an unknown token. The
     * token row is locked (FOR KEY SHARE) until the caller's transaction ends, so a response stored through it and the
     * guest's erasure (which deletes the token, then the responses) never interleave: the erasure waits and then
     * deletes the response, or the token is gone and the answer is a 404.
     */
    @WithSession
    public Uni<SurveyRespondent> surveyRespondent(String tokenHash) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                SELECT r.id, r.event_id, r.status, r.age_group, e.feedback_survey_id, e.starts_at
                  FROM registration_token t JOIN registration r ON r.id = t.registration_id JOIN event e ON e.id = r.event_id
                 WHERE t.token_hash = :hash
                   FOR KEY SHARE OF t""", Object[].class)
                .setParameter("hash", tokenHash)
                .getResultList())
                .map(rows -> {
                    if (rows.isEmpty()) {
                        return null;
                    }
                    Object[] row = rows.get(0);
                    return new SurveyRespondent(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                            RegistrationStatus.valueOf(String.valueOf(row[2])),
                            row[3] == null ? null : AgeGroup.valueOf(String.valueOf(row[3])),
                            row[4] == null ? null : ((Number) row[4]).longValue(), SqlTimes.instant(row[5]));
                });
    }

    @WithSession
    public Uni<Registration> findForUpdate(long id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** 1 for the first in line; 0 when not waitlisted. */
    @WithSession
    public Uni<Long> waitlistPosition(Registration r) {
        if (r.status != RegistrationStatus.WAITLISTED) {
            return Uni.createFrom().item(0L);
        }
        return count("eventId = ?1 and status = ?2 and id <= ?3", r.eventId, RegistrationStatus.WAITLISTED, r.id);
    }

    /** Issues a new manage token for a registration and returns it; only its hash is stored. */
    @WithSession
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
     * Overwrites a registration's name, e-mail and WhatsApp number, drops the code of the link that brought it (issue
     * 22), removes the name shown with its live questions, and deletes its manage tokens, so no link opens it any more. The row, its status and its times stay.
     */
    @WithSession
    public Uni<Void> erasePersonalData(Registration r) {
        r.name = ERASED_NAME;
        r.email = erasedEmail(r.id);
        r.whatsapp = null;
        r.refCode = null;
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
     * name, e-mail and WhatsApp are overwritten and the link's code dropped as in an erasure, live-question names
     * removed and manage tokens deleted. Status, times, feedback ratings and counts stay. Idempotent (a purged row is not touched again), so any
     * number of instances may run it at once. Returns the number of registrations purged now.
     */
    @WithSession
    public Uni<Integer> purgeEndedBefore(Duration retention) {
        double seconds = retention.toSeconds();
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                UPDATE registration r SET name = :name, email = 'dihapus-' || r.id || '@invalid.serambi.id',
                       whatsapp = NULL, ref_code = NULL
                  FROM event e
                 WHERE r.event_id = e.id AND e.ends_at < now() - :retention * interval '1 second'
                   AND (r.name <> :name OR r.email <> 'dihapus-' || r.id || '@invalid.serambi.id'
                        OR r.whatsapp IS NOT NULL OR r.ref_code IS NOT NULL)""", REGISTRATIONS)
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
                    'hourReminderSentAt', r.hour_reminder_sent_at, 'checkinCode', r.checkin_code,
                    'refCode', r.ref_code),
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
    @WithSession
    public Uni<String> export(long registrationId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(EXPORT, String.class)
                .setParameter("id", registrationId).getSingleResult());
    }

    public record Page(List<Registration> items, long total) {
    }

    @WithSession
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

    @WithSession
    public Uni<List<Registration>> ofEvent(long eventId, RegistrationStatus status) {
        return status == null ? list("eventId", Sort.by("id"), eventId)
                : list("eventId = ?1 and status = ?2", Sort.by("id"), eventId, status);
    }

    @WithSession
    public Uni<List<Registration>> active(long eventId) {
        return list("eventId = ?1 and status != ?2", Sort.by("id"), eventId, RegistrationStatus.CANCELLED);
    }

    /**
     * Claims the reminders due now: confirmed registrations of published events starting within {@code lead}. The
     * UPDATE marks them first, so with two instances each reminder is claimed, and sent, exactly once.
     */
    @WithSession
    public Uni<List<Long>> claimDueReminders(Duration lead) {
        return claim("reminder_sent_at", lead, Duration.ZERO);
    }

    /**
     * Claims the last-minute reminders: due within {@code hourLead}. The day-before reminder is claimed only while
     * the start is further away than that, so a late registrant gets one reminder, not two at once.
     */
    @WithSession
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

    /** After a reschedule, reminders go out again for the new time. */
    @WithSession
    public Uni<Integer> resetReminders(long eventId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "UPDATE registration SET reminder_sent_at = NULL, hour_reminder_sent_at = NULL WHERE event_id = :id", REGISTRATIONS)
                .setParameter("id", eventId).executeUpdate());
    }

    /** The registrations with these ids, in id order (arrival order). */
    @WithSession
    public Uni<List<Registration>> byIds(Collection<Long> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of()) : list("id in ?1", Sort.by("id"), ids);
    }

    /** The registration of this event whose QR carries this check-in code, or null. */
    @WithSession
    public Uni<Registration> findByCheckinCode(long eventId, String code) {
        return find("eventId = ?1 and checkinCode = ?2", eventId, code).firstResult();
    }

    // ---- attribution (issue 22): what the registrations tracked links brought became ----

    private static final String REFERRALS = """
            SELECT r.ref_code, CAST(r.created_at AT TIME ZONE :zone AS date) AS day, count(*) AS registrations,
                   count(r.confirmed_at) AS confirmed, count(*) FILTER (WHERE r.status = 'ATTENDED') AS attended
              FROM registration r
             WHERE r.ref_code = ANY(:codes) AND r.created_at >= :from AND r.created_at < :to
             GROUP BY 1, 2
             ORDER BY 2, 1""";

    /**
     * Per code and registration day (in {@code zone}): the registrations made in [from, to) whose ref is one of
     * these codes, how many were ever confirmed (confirmed_at set: a seat at once, or a promotion), and how many
     * attended.
     */
    @WithSession
    public Uni<List<id.serambi.event.Events.Referral>> referrals(Collection<String> codes, Instant from, Instant to,
            String zone) {
        return Panache.getSession().chain(s -> s.createNativeQuery(REFERRALS, Object[].class)
                .setParameter("zone", zone).setParameter("codes", codes.toArray(String[]::new))
                .setParameter("from", from).setParameter("to", to).getResultList())
                .map(rows -> rows.stream().map(r -> new id.serambi.event.Events.Referral((String) r[0],
                        SqlTimes.date(r[1]), ((Number) r[2]).longValue(), ((Number) r[3]).longValue(),
                        ((Number) r[4]).longValue())).toList());
    }

    // ---- a member's personal data: the registrations under an e-mail address the member proved they own ----

    private static final String MEMBER_EXPORT = """
            SELECT coalesce((SELECT json_agg(json_build_object('event', e.title,
                    'startsAt', e.starts_at, 'name', r.name, 'email', r.email, 'whatsapp', r.whatsapp,
                    'ageGroup', r.age_group, 'status', r.status, 'registeredAt', r.created_at,
                    'refCode', r.ref_code) ORDER BY r.id)
                  FROM registration r JOIN event e ON e.id = r.event_id
                 WHERE lower(r.email) = lower(:email)), '[]'::json)::text""";

    /** The registrations under this e-mail address (any letter case), as a JSON array in arrival order. */
    @WithSession
    public Uni<String> exportByEmail(String email) {
        return Panache.getSession().chain(s -> s.createNativeQuery(MEMBER_EXPORT, String.class)
                .setParameter("email", email).getSingleResult());
    }

    /** The ids of the registrations under this e-mail address (any letter case). */
    @WithSession
    public Uni<List<Long>> idsByEmail(String email) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "SELECT id FROM registration WHERE lower(email) = lower(:email) ORDER BY id", Long.class)
                .setParameter("email", email).getResultList());
    }

    /**
     * Overwrites the name, e-mail and WhatsApp number, and drops the link's code (issue 22), of every registration under
     * this e-mail (any letter case).
     */
    @WithSession
    public Uni<Integer> anonymiseByEmail(String email) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "UPDATE registration SET name = :name, email = 'dihapus-' || id || '@invalid.serambi.id', whatsapp = NULL, "
                        + "ref_code = NULL WHERE lower(email) = lower(:email)", REGISTRATIONS)
                .setParameter("name", ERASED_NAME).setParameter("email", email).executeUpdate());
    }

    // ---- the hot path of a new registration: SQL on the pool, no ORM session ----

    static final String CLAIM = """
            WITH ev AS (
                SELECT id, waitlisted_count FROM event WHERE id = $1 AND status = 'PUBLISHED' FOR NO KEY UPDATE
            ), seat AS (
                UPDATE event e SET confirmed_count = e.confirmed_count + 1
                  FROM ev
                 WHERE e.id = ev.id AND (e.capacity IS NULL OR e.confirmed_count < e.capacity)
                RETURNING e.id
            ), reg AS (
                INSERT INTO registration (event_id, name, email, whatsapp, age_group, status, confirmed_at, created_at,
                                          ref_code)
                SELECT ev.id, $2, $3, $4, $5,
                       CASE WHEN EXISTS (SELECT 1 FROM seat) THEN 'CONFIRMED' ELSE 'WAITLISTED' END,
                       CASE WHEN EXISTS (SELECT 1 FROM seat) THEN $6::timestamptz END,
                       $6::timestamptz, $8
                  FROM ev
                RETURNING id, status, checkin_code
            ), token AS (
                INSERT INTO registration_token (registration_id, token_hash, created_at)
                SELECT id, $7, $6::timestamptz FROM reg
            )
            SELECT reg.id, reg.status, reg.checkin_code,
                   CASE WHEN reg.status = 'WAITLISTED' THEN ev.waitlisted_count + 1 END AS position
              FROM reg CROSS JOIN ev""";

    /**
     * {@link #CLAIM} for several patrons at once, in the order given: one lock and one commit for all of them. The
     * seats left go to the first ones; the rest are waitlisted.
     */
    static final String CLAIM_ALL = """
            WITH input AS (
                SELECT * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::text[],
                                     $8::text[])
                    WITH ORDINALITY AS i(name, email, whatsapp, age_group, at, token_hash, ref_code, ord)
            ), ev AS (
                SELECT id, waitlisted_count, CASE WHEN capacity IS NULL THEN cardinality($3::text[])
                                ELSE least(cardinality($3::text[]), greatest(capacity - confirmed_count, 0)) END AS seats
                  FROM event WHERE id = $1 AND status = 'PUBLISHED' FOR NO KEY UPDATE
            ), seat AS (
                UPDATE event e SET confirmed_count = e.confirmed_count + ev.seats
                  FROM ev
                 WHERE e.id = ev.id AND ev.seats > 0
                RETURNING e.id
            ), reg AS (
                INSERT INTO registration (event_id, name, email, whatsapp, age_group, status, confirmed_at, created_at,
                                          ref_code)
                SELECT ev.id, i.name, i.email, i.whatsapp, i.age_group,
                       CASE WHEN i.ord <= ev.seats THEN 'CONFIRMED' ELSE 'WAITLISTED' END,
                       CASE WHEN i.ord <= ev.seats THEN i.at END,
                       i.at, i.ref_code
                  FROM ev, input i
                 ORDER BY i.ord
                RETURNING id, email, status, checkin_code
            ), token AS (
                INSERT INTO registration_token (registration_id, token_hash, created_at)
                SELECT reg.id, i.token_hash, i.at FROM reg JOIN input i ON i.email = reg.email
            )
            SELECT reg.id, reg.email, reg.status, reg.checkin_code,
                   CASE WHEN reg.status = 'WAITLISTED' THEN ev.waitlisted_count + i.ord - ev.seats END AS position
              FROM reg JOIN input i ON i.email = reg.email CROSS JOIN ev""";

    static final String LOOKUP = """
            SELECT e.id, e.title, e.status, e.starts_at, e.ends_at, e.platform, e.join_url, e.capacity,
                   e.confirmed_count, e.registration_opens_at, e.registration_closes_at,
                   (SELECT r.id FROM registration r
                     WHERE r.event_id = e.id AND lower(r.email) = lower($2) AND r.status <> 'CANCELLED') AS existing_id
              FROM event e WHERE e.id = $1""";


    /**
     * What a registration reads first.
     *
     * @param event the event with the fields a registration checks and e-mails (detached; not every column is read)
     * @param existingId the patron's active registration for it (same e-mail, any letter case), or null
     */
    public record Lookup(Event event, Long existingId) {
    }

    /** The event and the e-mail's active registration for it, read without a lock; null when there is no event. */
    public Uni<Lookup> lookup(long eventId, String email) {
        return pool.preparedQuery(LOOKUP).execute(Tuple.of(eventId, email.strip())).map(rows -> {
            RowIterator<Row> it = rows.iterator();
            if (!it.hasNext()) {
                return null;
            }
            Row row = it.next();
            Event e = new Event();
            e.id = row.getLong("id");
            e.title = row.getString("title");
            e.status = EventStatus.valueOf(row.getString("status"));
            e.startsAt = instant(row, "starts_at");
            e.endsAt = instant(row, "ends_at");
            e.platform = Platform.valueOf(row.getString("platform"));
            e.joinUrl = row.getString("join_url");
            e.capacity = row.getInteger("capacity");
            e.confirmedCount = row.getInteger("confirmed_count");
            e.registrationOpensAt = instant(row, "registration_opens_at");
            e.registrationClosesAt = instant(row, "registration_closes_at");
            return new Lookup(e, row.getLong("existing_id"));
        });
    }

    /**
     * Registers a new patron and stores the hash of their manage token. The registration comes back detached, or null
     * when the event was no longer published by the time its lock was granted. A second active registration with the
     * same e-mail fails on the unique index (SQLSTATE 23505), and nothing is written.
     */
    public Uni<Registration> claim(long eventId, Claim c) {
        return pool.preparedQuery(CLAIM).execute(args(eventId, c)).map(rows -> {
            RowIterator<Row> it = rows.iterator();
            return it.hasNext() ? registration(it.next(), eventId, c) : null;
        });
    }

    /**
     * A patron's claim, as {@link #claim} and {@link #claimAll} take it; {@code ref} is the code of the tracked link
     * that brought them (issue 22), or null.
     */
    public record Claim(String name, String email, String whatsapp, AgeGroup ageGroup, Instant at, String tokenHash,
            String ref) {

        /** A claim that no tracked link brought. */
        public Claim(String name, String email, String whatsapp, AgeGroup ageGroup, Instant at, String tokenHash) {
            this(name, email, whatsapp, ageGroup, at, tokenHash, null);
        }
    }

    /** {@link #claim(long, Claim)} of a patron no tracked link brought. */
    public Uni<Registration> claim(long eventId, String name, String email, String whatsapp, AgeGroup ageGroup,
            Instant now, String tokenHash) {
        return claim(eventId, new Claim(name, email, whatsapp, ageGroup, now, tokenHash));
    }

    /**
     * Registers several new patrons for one event in one statement ({@link #CLAIM_ALL}), in the order given: their
     * registrations in the same order, or null when the event was no longer published. Fails as a whole, writing
     * nothing, when any of them fails (an e-mail already registered, say); the e-mails must differ.
     */
    public Uni<List<Registration>> claimAll(long eventId, List<Claim> claims) {
        if (claims.size() == 1) {
            return claim(eventId, claims.get(0)).map(r -> r == null ? null : List.of(r));
        }
        int n = claims.size();
        String[] names = new String[n];
        String[] emails = new String[n];
        String[] whatsapps = new String[n];
        String[] ageGroups = new String[n];
        OffsetDateTime[] ats = new OffsetDateTime[n];
        String[] hashes = new String[n];
        String[] refs = new String[n];
        for (int i = 0; i < n; i++) {
            Claim c = claims.get(i);
            names[i] = c.name();
            emails[i] = c.email();
            whatsapps[i] = c.whatsapp();
            ageGroups[i] = c.ageGroup() == null ? null : c.ageGroup().name();
            ats[i] = c.at().atOffset(ZoneOffset.UTC);
            hashes[i] = c.tokenHash();
            refs[i] = c.ref();
        }
        Tuple args = Tuple.tuple(Arrays.asList(eventId, names, emails, whatsapps, ageGroups, ats, hashes, refs));
        return pool.preparedQuery(CLAIM_ALL).execute(args).map(rows -> {
            Map<String, Row> byEmail = new HashMap<>();
            rows.forEach(row -> byEmail.put(row.getString("email"), row));
            if (byEmail.isEmpty()) {
                return null;
            }
            List<Registration> placed = new ArrayList<>(n);
            for (Claim c : claims) {
                placed.add(registration(byEmail.get(c.email()), eventId, c));
            }
            return placed;
        });
    }

    private static Tuple args(long eventId, Claim c) {
        return Tuple.tuple(Arrays.asList(eventId, c.name(), c.email(), c.whatsapp(),
                c.ageGroup() == null ? null : c.ageGroup().name(), c.at().atOffset(ZoneOffset.UTC), c.tokenHash(),
                c.ref()));
    }

    private static Registration registration(Row row, long eventId, Claim c) {
        Registration r = new Registration();
        r.id = row.getLong("id");
        r.eventId = eventId;
        r.name = c.name();
        r.email = c.email();
        r.whatsapp = c.whatsapp();
        r.ageGroup = c.ageGroup();
        r.refCode = c.ref();
        r.status = RegistrationStatus.valueOf(row.getString("status"));
        r.createdAt = c.at();
        r.confirmedAt = r.status == RegistrationStatus.CONFIRMED ? c.at() : null;
        r.checkinCode = row.getString("checkin_code");
        r.claimPosition = row.getLong("position");
        return r;
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime at = row.getOffsetDateTime(column);
        return at == null ? null : at.toInstant();
    }

    /**
     * Where each waitlisted one of these registrations, as their claim returned them, stands in line: 1 for the first.
     * The claim read it under the event's lock from the count the event row keeps (V68), so no statement runs here:
     * counting the line instead grows with it (the soak's drift). Registrations not waitlisted are left out.
     */
    public Uni<Map<Long, Long>> positions(long eventId, List<Registration> registrations) {
        Map<Long, Long> positions = new HashMap<>();
        for (Registration r : registrations) {
            if (r.status == RegistrationStatus.WAITLISTED) {
                positions.put(r.id, java.util.Objects.requireNonNull(r.claimPosition, "a claim's position"));
            }
        }
        return Uni.createFrom().item(positions);
    }

    /** The event of this WhatsApp number's registration for the latest-starting event, or null. */
    public Uni<Long> latestEventByWhatsapp(String number) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                SELECT r.event_id FROM registration r JOIN event e ON e.id = r.event_id
                 WHERE r.whatsapp = :number ORDER BY e.starts_at DESC, r.id DESC LIMIT 1""", Long.class)
                .setParameter("number", number).getResultList())
                .map(ids -> ids.isEmpty() ? null : ids.get(0));
    }
}
