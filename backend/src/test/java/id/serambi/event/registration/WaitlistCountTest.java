package id.serambi.event.registration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.serambi.event.EventFixtures;
import id.serambi.support.Accounts;
import id.serambi.support.Staff;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The waitlist length the event row keeps ({@code event.waitlisted_count}, V68), which the catalogue shows instead of
 * counting registrations on every render (issue 21's soak). It must equal the WAITLISTED registrations through every
 * way one changes: a registration, a batch of claims, a cancellation and the promotion it causes, a raised capacity,
 * plain SQL, and many of them at once.
 */
@QuarkusTest
class WaitlistCountTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    AgroalDataSource db;

    @Inject
    RegistrationRepository seats;

    private long event(String staff, int capacity) {
        Map<String, Object> body = EventFixtures.body(EventFixtures.uniqueDay());
        body.put("capacity", capacity);
        return EventFixtures.published(staff, body);
    }

    private long kept(long eventId) {
        return Accounts.count(db, "SELECT waitlisted_count FROM event WHERE id = ?", eventId);
    }

    private long counted(long eventId) {
        return Accounts.count(db, "SELECT count(*) FROM registration WHERE event_id = ? AND status = 'WAITLISTED'", eventId);
    }

    private void assertWaiting(long eventId, long expected) {
        assertEquals(expected, counted(eventId), "WAITLISTED rows");
        assertEquals(expected, kept(eventId), "the event row's count");
        given().get("/api/events/" + eventId).then().statusCode(200).body("waitlistCount", equalTo((int) expected));
    }

    private static RegistrationRepository.Claim patron(String email, String token) {
        return new RegistrationRepository.Claim("Rina", email, null, AgeGroup.TEEN, Instant.now(), ManageTokens.hash(token));
    }

    @Test
    void theEventRowCountsItsWaitlistThroughEveryWayARegistrationChanges() {
        String staff = Staff.token();
        long id = event(staff, 3);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            tokens.add(EventFixtures.register(id, "Antre " + i, Accounts.uniqueEmail("antre" + i)).getString("manageToken"));
        }
        assertWaiting(id, 5);

        given().delete("/api/registrations/" + tokens.get(7)).then().statusCode(200); // a waitlisted one leaves
        assertWaiting(id, 4);
        given().delete("/api/registrations/" + tokens.get(0)).then().statusCode(200); // a seat holder: one moves up
        assertWaiting(id, 3);
        assertEquals(3, Accounts.count(db, "SELECT confirmed_count FROM event WHERE id = ?", id));

        given().auth().oauth2(staff).header("If-Match", EventFixtures.etag(staff, id)).contentType(ContentType.JSON)
                .body(Map.of("capacity", 5)).patch("/api/events/" + id).then().statusCode(200)
                .body("waitlistCount", equalTo(1));
        assertWaiting(id, 1);

        List<RegistrationRepository.Claim> batch = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            batch.add(patron(Accounts.uniqueEmail("rombongan" + i), ManageTokens.generate()));
        }
        seats.claimAll(id, batch).await().atMost(WAIT);
        assertWaiting(id, 5);

        // Plain SQL, as staff tools or a repair would: a status set back and forth, a row deleted.
        Accounts.sql(db, "UPDATE registration SET status = 'CONFIRMED' WHERE id = (SELECT max(id) FROM registration "
                + "WHERE event_id = ? AND status = 'WAITLISTED')", id);
        assertEquals(4, kept(id));
        Accounts.sql(db, "UPDATE registration SET status = 'WAITLISTED' WHERE event_id = ? AND status = 'CONFIRMED'", id);
        assertEquals(counted(id), kept(id));
        Accounts.sql(db, "UPDATE registration SET reminder_sent_at = now() WHERE event_id = ?", id);
        assertEquals(counted(id), kept(id), "an update that moves nobody leaves the count");
        long waiting = counted(id);
        Accounts.sql(db, """
                WITH gone AS (SELECT id FROM registration WHERE event_id = ? AND status = 'WAITLISTED' ORDER BY id LIMIT 2),
                     t AS (DELETE FROM registration_token WHERE registration_id IN (SELECT id FROM gone))
                DELETE FROM registration WHERE id IN (SELECT id FROM gone)""", id);
        assertWaiting(id, waiting - 2);
    }

    /**
     * A claim answers where the patron stands in line from the event row's count, read under the event's lock (no
     * count of the line): concurrent claims and batches on a full event get 1..n, each once; after someone in line
     * leaves, the next one is placed behind those still waiting.
     */
    @Test
    void concurrentClaimsAreToldEachTheirOwnPlaceInLine() throws Exception {
        String staff = Staff.token();
        long id = event(staff, 1);
        EventFixtures.register(id, "Kursi", Accounts.uniqueEmail("kursi"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Long> places = Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                int n = i;
                done.add(pool.submit(() -> {
                    List<RegistrationRepository.Claim> claims = new ArrayList<>();
                    for (int k = 0; k < (n % 3 == 0 ? 3 : 1); k++) {
                        claims.add(patron(Accounts.uniqueEmail("baris" + n + "-" + k), ManageTokens.generate()));
                    }
                    List<Registration> placed = seats.claimAll(id, claims).await().atMost(WAIT);
                    places.addAll(seats.positions(id, placed).await().atMost(WAIT).values());
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<Long> sorted = new ArrayList<>(places);
        Collections.sort(sorted);
        List<Long> expected = new ArrayList<>();
        for (long p = 1; p <= 100; p++) {
            expected.add(p);
        }
        assertEquals(expected, sorted, "20 batches of 3 and 40 single claims: places 1..100, each once");
        assertWaiting(id, 100);

        Accounts.sql(db, "UPDATE registration SET status = 'CANCELLED', cancelled_at = now() WHERE id IN "
                + "(SELECT id FROM registration WHERE event_id = ? AND status = 'WAITLISTED' ORDER BY id LIMIT 5)", id);
        Registration next = seats.claim(id, "Rina", Accounts.uniqueEmail("berikut"), null, AgeGroup.TEEN, Instant.now(),
                ManageTokens.hash(ManageTokens.generate())).await().atMost(WAIT);
        assertEquals(RegistrationStatus.WAITLISTED, next.status);
        assertEquals(Map.of(next.id, 96L), seats.positions(id, List.of(next)).await().atMost(WAIT));
        assertEquals(96, Accounts.count(db, "SELECT count(*) FROM registration WHERE event_id = ? AND status = "
                + "'WAITLISTED' AND id <= ?", id, next.id), "the place the line itself gives");
    }

    @Test
    void aTruncatedRegistrationTableLeavesNoWaitlist() throws Exception {
        String staff = Staff.token();
        long id = event(staff, 1);
        EventFixtures.register(id, "Kursi", Accounts.uniqueEmail("kursi"));
        EventFixtures.register(id, "Antre", Accounts.uniqueEmail("antre"));
        assertEquals(1, kept(id));
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL lock_timeout = '5s'");
                s.execute("TRUNCATE registration CASCADE");
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM event WHERE waitlisted_count <> 0")) {
                    rs.next();
                    assertEquals(0, rs.getLong(1), "no event keeps a waitlist once its registrations are gone");
                }
            } finally {
                c.rollback(); // every other test's rows come back
            }
        }
        assertEquals(1, kept(id));
    }

    @Test
    void joiningCancellingAndBatchesAtOnceKeepTheCountExact() throws Exception {
        String staff = Staff.token();
        long id = event(staff, 5);
        List<String> tokens = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                int n = i;
                if (n % 10 == 9) {
                    done.add(pool.submit(() -> {
                        List<RegistrationRepository.Claim> batch = new ArrayList<>();
                        List<String> mine = new ArrayList<>();
                        for (int k = 0; k < 3; k++) {
                            String token = ManageTokens.generate();
                            batch.add(patron(Accounts.uniqueEmail("batch" + n + "-" + k), token));
                            mine.add(token);
                        }
                        seats.claimAll(id, batch).await().atMost(WAIT);
                        tokens.addAll(mine); // only once committed: a cancel must find them
                        return null;
                    }));
                } else {
                    done.add(pool.submit(() -> {
                        String token = ManageTokens.generate();
                        seats.claim(id, "Rina", Accounts.uniqueEmail("serbu" + n), null, AgeGroup.TEEN, Instant.now(),
                                ManageTokens.hash(token)).await().atMost(WAIT);
                        tokens.add(token);
                        return null;
                    }));
                }
                if (n % 4 == 3) { // someone who joined earlier, seat holder or waiting, cancels
                    done.add(pool.submit(() -> {
                        String token = null;
                        for (long deadline = System.nanoTime() + WAIT.toNanos(); token == null; Thread.sleep(5)) {
                            synchronized (tokens) {
                                token = tokens.isEmpty() ? null : tokens.remove(tokens.size() / 2);
                            }
                            if (System.nanoTime() > deadline) {
                                throw new AssertionError("nobody joined to cancel");
                            }
                        }
                        given().delete("/api/registrations/" + token).then().statusCode(200);
                        return null;
                    }));
                }
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        long cancelled = Accounts.count(db, "SELECT count(*) FROM registration WHERE event_id = ? AND status = 'CANCELLED'", id);
        assertEquals(30, cancelled, "every cancellation happened");
        assertEquals(108 + 36, Accounts.count(db, "SELECT count(*) FROM registration WHERE event_id = ?", id));
        assertEquals(5, Accounts.count(db, "SELECT confirmed_count FROM event WHERE id = ?", id));
        assertWaiting(id, 108 + 36 - 30 - 5);
        assertEquals(0, Accounts.count(db, """
                SELECT count(*) FROM event e
                 WHERE e.waitlisted_count <> (SELECT count(*) FROM registration r
                                               WHERE r.event_id = e.id AND r.status = 'WAITLISTED')"""),
                "every event's count, whatever the tests before did");
    }
}
