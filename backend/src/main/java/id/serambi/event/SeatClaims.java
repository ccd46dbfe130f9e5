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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQL of a new registration, sent on the connection pool without an ORM session: the hot path of a rush on an
 * event's last seats.
 * <ul>
 * <li>{@link #lookup}: one read, no lock: the event and the patron's active registration for it, if any.</li>
 * <li>{@link #claim}: one statement that commits by itself: lock the event (only while it is published), take a seat
 * if one is left, insert the registration as CONFIRMED or WAITLISTED and store its manage token. The event's row
 * lock, on which every seat change for that event queues, is held only while PostgreSQL runs it, never across round
 * trips to the app. Capacity stays exact: the seat is claimed by the same guarded {@code UPDATE} as everywhere else,
 * re-checked on the latest row version after the lock.</li>
 * <li>{@link #claimAll}: the same for several patrons at once (see {@link ClaimLine}): one lock and one commit for
 * all of them, the seats left going to the first ones.</li>
 * <li>{@link #positions}: after the commit, where the waitlisted ones stand in line, in one read.</li>
 * </ul>
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

    /**
     * {@link #CLAIM} for several patrons at once, in the order given: one lock and one commit for all of them. The
     * seats left go to the first ones; the rest are waitlisted.
     */
    static final String CLAIM_ALL = """
            WITH input AS (
                SELECT * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::text[])
                    WITH ORDINALITY AS i(name, email, whatsapp, age_group, at, token_hash, ord)
            ), ev AS (
                SELECT id, CASE WHEN capacity IS NULL THEN cardinality($3::text[])
                                ELSE least(cardinality($3::text[]), greatest(capacity - confirmed_count, 0)) END AS seats
                  FROM event WHERE id = $1 AND status = 'PUBLISHED' FOR NO KEY UPDATE
            ), seat AS (
                UPDATE event e SET confirmed_count = e.confirmed_count + ev.seats
                  FROM ev
                 WHERE e.id = ev.id AND ev.seats > 0
                RETURNING e.id
            ), reg AS (
                INSERT INTO registration (event_id, name, email, whatsapp, age_group, status, confirmed_at, created_at)
                SELECT ev.id, i.name, i.email, i.whatsapp, i.age_group,
                       CASE WHEN i.ord <= ev.seats THEN 'CONFIRMED' ELSE 'WAITLISTED' END,
                       CASE WHEN i.ord <= ev.seats THEN i.at END,
                       i.at
                  FROM ev, input i
                 ORDER BY i.ord
                RETURNING id, email, status, checkin_code
            ), token AS (
                INSERT INTO registration_token (registration_id, token_hash, created_at)
                SELECT reg.id, i.token_hash, i.at FROM reg JOIN input i ON i.email = reg.email
            )
            SELECT id, email, status, checkin_code FROM reg""";

    static final String LOOKUP = """
            SELECT e.id, e.title, e.status, e.starts_at, e.ends_at, e.platform, e.join_url, e.capacity,
                   e.confirmed_count, e.registration_opens_at, e.registration_closes_at,
                   (SELECT r.id FROM registration r
                     WHERE r.event_id = e.id AND lower(r.email) = lower($2) AND r.status <> 'CANCELLED') AS existing_id
              FROM event e WHERE e.id = $1""";

    static final String POSITIONS = """
            SELECT id, position FROM (
                SELECT id, row_number() OVER (ORDER BY id) AS position FROM registration
                 WHERE event_id = $1 AND status = 'WAITLISTED' AND id <= $2) waiting
             WHERE id = ANY($3::bigint[])""";

    private final Pool pool;

    public SeatClaims(Pool pool) {
        this.pool = pool;
    }

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
    public Uni<Registration> claim(long eventId, String name, String email, String whatsapp, AgeGroup ageGroup,
            Instant now, String tokenHash) {
        return pool.preparedQuery(CLAIM).execute(args(eventId, name, email, whatsapp, ageGroup, now, tokenHash))
                .map(rows -> {
                    RowIterator<Row> it = rows.iterator();
                    return it.hasNext() ? registration(it.next(), eventId, name, email, whatsapp, ageGroup, now) : null;
                });
    }

    /** A patron's claim, as {@link #claimAll} takes it. */
    public record Claim(String name, String email, String whatsapp, AgeGroup ageGroup, Instant at, String tokenHash) {
    }

    /**
     * Registers several new patrons for one event in one statement ({@link #CLAIM_ALL}), in the order given: their
     * registrations in the same order, or null when the event was no longer published. Fails as a whole, writing
     * nothing, when any of them fails (an e-mail already registered, say); the e-mails must differ.
     */
    public Uni<List<Registration>> claimAll(long eventId, List<Claim> claims) {
        if (claims.size() == 1) {
            Claim c = claims.get(0);
            return claim(eventId, c.name(), c.email(), c.whatsapp(), c.ageGroup(), c.at(), c.tokenHash())
                    .map(r -> r == null ? null : List.of(r));
        }
        int n = claims.size();
        String[] names = new String[n];
        String[] emails = new String[n];
        String[] whatsapps = new String[n];
        String[] ageGroups = new String[n];
        OffsetDateTime[] ats = new OffsetDateTime[n];
        String[] hashes = new String[n];
        for (int i = 0; i < n; i++) {
            Claim c = claims.get(i);
            names[i] = c.name();
            emails[i] = c.email();
            whatsapps[i] = c.whatsapp();
            ageGroups[i] = c.ageGroup() == null ? null : c.ageGroup().name();
            ats[i] = c.at().atOffset(ZoneOffset.UTC);
            hashes[i] = c.tokenHash();
        }
        Tuple args = Tuple.tuple(Arrays.asList(eventId, names, emails, whatsapps, ageGroups, ats, hashes));
        return pool.preparedQuery(CLAIM_ALL).execute(args).map(rows -> {
            Map<String, Row> byEmail = new HashMap<>();
            rows.forEach(row -> byEmail.put(row.getString("email"), row));
            if (byEmail.isEmpty()) {
                return null;
            }
            List<Registration> placed = new ArrayList<>(n);
            for (Claim c : claims) {
                placed.add(registration(byEmail.get(c.email()), eventId, c.name(), c.email(), c.whatsapp(),
                        c.ageGroup(), c.at()));
            }
            return placed;
        });
    }

    private static Tuple args(long eventId, String name, String email, String whatsapp, AgeGroup ageGroup,
            Instant now, String tokenHash) {
        return Tuple.tuple(Arrays.asList(eventId, name, email, whatsapp, ageGroup == null ? null : ageGroup.name(),
                now.atOffset(ZoneOffset.UTC), tokenHash));
    }

    private static Registration registration(Row row, long eventId, String name, String email, String whatsapp,
            AgeGroup ageGroup, Instant now) {
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
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime at = row.getOffsetDateTime(column);
        return at == null ? null : at.toInstant();
    }

    /**
     * Where each waitlisted one of these registrations (all of one event) stands in line: 1 for the first. Read after
     * their claim committed, outside any lock, in one statement; registrations not waitlisted are left out.
     */
    public Uni<Map<Long, Long>> positions(long eventId, List<Registration> registrations) {
        Long[] ids = registrations.stream().filter(r -> r.status == RegistrationStatus.WAITLISTED).map(r -> r.id)
                .toArray(Long[]::new);
        if (ids.length == 0) {
            return Uni.createFrom().item(Map.of());
        }
        long last = Arrays.stream(ids).mapToLong(Long::longValue).max().orElseThrow();
        return pool.preparedQuery(POSITIONS).execute(Tuple.of(eventId, last, ids)).map(rows -> {
            Map<Long, Long> positions = new HashMap<>();
            rows.forEach(row -> positions.put(row.getLong("id"), row.getLong("position")));
            return positions;
        });
    }
}
