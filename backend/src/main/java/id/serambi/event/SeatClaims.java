package id.serambi.event;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * A new registration as one SQL statement: lock the event (only while it is published), take a seat if one is left,
 * insert the registration as CONFIRMED or WAITLISTED, and store its manage token. The statement is sent on its own
 * and commits by itself, so the event's row lock, on which every registration for that event queues, is held only
 * while PostgreSQL runs it, never across round trips to the app. Capacity stays exact: the seat is claimed by the
 * same guarded {@code UPDATE} as everywhere else, re-checked on the latest row version after the lock.
 */
@ApplicationScoped
public class SeatClaims {

    static final String CLAIM = """
            WITH ev AS (
                SELECT id FROM event WHERE id = $1 AND status = 'PUBLISHED' FOR NO KEY UPDATE
            ), seat AS (
                UPDATE event e SET confirmed_count = e.confirmed_count + 1
                  FROM ev
                 WHERE e.id = ev.id AND (e.capacity IS NULL OR e.confirmed_count < e.capacity)
                RETURNING e.id
            ), reg AS (
                INSERT INTO registration (event_id, name, email, whatsapp, age_group, status, confirmed_at, created_at)
                SELECT ev.id, $2, $3, $4, $5,
                       CASE WHEN EXISTS (SELECT 1 FROM seat) THEN 'CONFIRMED' ELSE 'WAITLISTED' END,
                       CASE WHEN EXISTS (SELECT 1 FROM seat) THEN $6::timestamptz END,
                       $6::timestamptz
                  FROM ev
                RETURNING id, status, checkin_code
            ), token AS (
                INSERT INTO registration_token (registration_id, token_hash, created_at)
                SELECT id, $7, $6::timestamptz FROM reg
            )
            SELECT id, status, checkin_code FROM reg""";

    static final String WAITLIST_POSITION = """
            SELECT count(*) FROM registration WHERE event_id = $1 AND status = 'WAITLISTED' AND id <= $2""";

    private final Pool pool;

    public SeatClaims(Pool pool) {
        this.pool = pool;
    }

    /**
     * Registers a new patron and stores the hash of their manage token. The registration comes back detached, or null
     * when the event was no longer published by the time its lock was granted. A second active registration with the
     * same e-mail fails on the unique index (SQLSTATE 23505), and nothing is written.
     */
    public Uni<Registration> claim(long eventId, String name, String email, String whatsapp, AgeGroup ageGroup,
            Instant now, String tokenHash) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        Tuple args = Tuple.tuple(Arrays.asList(eventId, name, email, whatsapp,
                ageGroup == null ? null : ageGroup.name(), at, tokenHash));
        return pool.preparedQuery(CLAIM).execute(args).map(rows -> {
            RowIterator<Row> it = rows.iterator();
            if (!it.hasNext()) {
                return null;
            }
            Row row = it.next();
            Registration r = new Registration();
            r.id = row.getLong("id");
            r.eventId = eventId;
            r.name = name;
            r.email = email;
            r.whatsapp = whatsapp;
            r.ageGroup = ageGroup;
            r.status = RegistrationStatus.valueOf(row.getString("status"));
            r.createdAt = now;
            r.confirmedAt = r.status == RegistrationStatus.CONFIRMED ? now : null;
            r.checkinCode = row.getString("checkin_code");
            return r;
        });
    }

    /** 1 for the first in line; 0 when not waitlisted. Read after the claim committed, outside the lock. */
    public Uni<Long> waitlistPosition(Registration r) {
        if (r.status != RegistrationStatus.WAITLISTED) {
            return Uni.createFrom().item(0L);
        }
        return pool.preparedQuery(WAITLIST_POSITION).execute(Tuple.of(r.eventId, r.id))
                .map(rows -> rows.iterator().next().getLong(0));
    }
}
