package id.serambi.event.registration;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.serambi.common.DatabaseProblems;
import id.serambi.event.EventFixtures;
import id.serambi.support.Accounts;
import id.serambi.support.Staff;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The one-statement claim behind every new registration, driven directly: it writes nothing for an event that is no
 * longer published (the race between the check and the claim), and under concurrent claims mixed with staff
 * cancelling seats it never confirms more than the capacity, and every registration gets its token. Several claims in
 * one statement take the seats left in arrival order and fail together; a rush through the line and patrons joining
 * while others cancel end with every seat taken exactly once.
 */
@QuarkusTest
class SeatClaimsTest {

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

    private Registration claim(long eventId, String email) {
        return seats.claim(eventId, "Rina", email, null, AgeGroup.TEEN, Instant.now(), ManageTokens.hash(ManageTokens.generate()))
                .await().atMost(WAIT);
    }

    @Test
    void anEventThatIsNoLongerPublishedTakesNothing() {
        String staff = Staff.token();
        long id = event(staff, 5);
        Accounts.sql(db, "UPDATE event SET status = 'CANCELLED', cancelled_at = now() WHERE id = ?", id);
        assertNull(claim(id, Accounts.uniqueEmail("batal")));
        Accounts.sql(db, "UPDATE event SET status = 'DRAFT', cancelled_at = NULL WHERE id = ?", id);
        assertNull(claim(id, Accounts.uniqueEmail("draf")));
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM registration WHERE event_id = ?", id));
        assertEquals(0, Accounts.count(db, "SELECT confirmed_count FROM event WHERE id = ?", id));
    }

    @Test
    void aClaimStoresTheRegistrationItsSeatAndItsToken() {
        String staff = Staff.token();
        long id = event(staff, 1);
        Registration first = claim(id, Accounts.uniqueEmail("satu"));
        Registration second = claim(id, Accounts.uniqueEmail("dua"));
        assertNotNull(first);
        assertEquals(RegistrationStatus.CONFIRMED, first.status);
        assertNotNull(first.checkinCode);
        assertEquals(RegistrationStatus.WAITLISTED, second.status);
        assertEquals(Map.of(second.id, 1L), seats.positions(id, List.of(first, second)).await().atMost(WAIT));
        assertEquals(1, Accounts.count(db, "SELECT confirmed_count FROM event WHERE id = ?", id));
        assertEquals(2, Accounts.count(db, "SELECT count(*) FROM registration_token t JOIN registration r "
                + "ON r.id = t.registration_id WHERE r.event_id = ?", id));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM registration WHERE id = ? AND status = 'CONFIRMED'",
                first.id));
    }

    @Test
    void concurrentClaimsWhileSeatsAreFreedNeverOverfillTheEvent() throws Exception {
        String staff = Staff.token();
        long id = event(staff, 10);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                int n = i;
                done.add(pool.submit(() -> {
                    claim(id, Accounts.uniqueEmail("serbu" + n));
                    if (n % 10 == 0) { // A seat is given back by hand now and then, as staff would.
                        Accounts.sql(db, """
                                WITH gone AS (UPDATE registration SET status = 'CANCELLED', cancelled_at = now()
                                               WHERE id = (SELECT id FROM registration WHERE event_id = ?
                                                            AND status = 'CONFIRMED' ORDER BY id LIMIT 1)
                                                AND status = 'CONFIRMED'
                                           RETURNING event_id)
                                UPDATE event SET confirmed_count = confirmed_count - 1 WHERE id IN (SELECT event_id FROM gone)""",
                                id);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        long confirmed = Accounts.count(db, "SELECT count(*) FROM registration WHERE event_id = ? AND status = 'CONFIRMED'", id);
        assertTrue(confirmed <= 10, "confirmed " + confirmed);
        assertEquals(confirmed, Accounts.count(db, "SELECT confirmed_count FROM event WHERE id = ?", id));
        assertEquals(120, Accounts.count(db, "SELECT count(*) FROM registration WHERE event_id = ?", id));
        assertEquals(120, Accounts.count(db, "SELECT count(*) FROM registration_token t JOIN registration r "
                + "ON r.id = t.registration_id WHERE r.event_id = ?", id));
    }

    @Test
    void nobodyWaitsForAFreedSeatWhilePatronsJoinAndOthersCancel() throws Exception {
        String staff = Staff.token();
        for (int round = 0; round < 3; round++) {
            long id = event(staff, 5);
            List<String> seatHolders = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                seatHolders.add(EventFixtures.register(id, "Kursi " + i, Accounts.uniqueEmail("kursi" + i))
                        .getString("manageToken"));
            }
            ExecutorService pool = Executors.newFixedThreadPool(12);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    int n = i;
                    // Only the answer: Quarkus's mock mailbox is not safe to read while both event loops write it.
                    done.add(pool.submit(() -> given().contentType(ContentType.JSON)
                            .body(java.util.Map.of("name", "Antre " + n, "email", Accounts.uniqueEmail("antre" + n)))
                            .post("/api/events/" + id + "/registrations").then().statusCode(202)));
                    if (i % 8 == 3) { // Now and then a seat holder cancels: the seat goes to the first in line.
                        String token = seatHolders.remove(0);
                        done.add(pool.submit(() -> given().delete("/api/registrations/" + token).then().statusCode(200)));
                    }
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            long confirmed = Accounts.count(db,
                    "SELECT count(*) FROM registration WHERE event_id = ? AND status = 'CONFIRMED'", id);
            long waiting = Accounts.count(db,
                    "SELECT count(*) FROM registration WHERE event_id = ? AND status = 'WAITLISTED'", id);
            assertEquals(confirmed, Accounts.count(db, "SELECT confirmed_count FROM event WHERE id = ?", id));
            assertEquals(5, confirmed, "every freed seat went to someone in line");
            assertEquals(45 - 5 - 5, waiting);
            assertEquals(45, Accounts.count(db, "SELECT count(*) FROM registration WHERE event_id = ?", id));
        }
    }

    private static RegistrationRepository.Claim patron(String email) {
        return new RegistrationRepository.Claim("Rina", email, null, AgeGroup.TEEN, Instant.now(),
                ManageTokens.hash(ManageTokens.generate()));
    }

    @Test
    void severalClaimsInOneStatementTakeTheSeatsLeftInArrivalOrder() {
        String staff = Staff.token();
        long id = event(staff, 3);
        assertEquals(RegistrationStatus.CONFIRMED, claim(id, Accounts.uniqueEmail("dulu")).status);
        List<RegistrationRepository.Claim> claims = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            claims.add(patron(Accounts.uniqueEmail("rombongan" + i)));
        }
        List<Registration> placed = seats.claimAll(id, claims).await().atMost(WAIT);
        assertEquals(List.of(RegistrationStatus.CONFIRMED, RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED,
                RegistrationStatus.WAITLISTED), placed.stream().map(r -> r.status).toList());
        for (int i = 0; i < 4; i++) {
            assertEquals(claims.get(i).email(), placed.get(i).email);
            assertNotNull(placed.get(i).checkinCode);
            assertEquals(1, Accounts.count(db, "SELECT count(*) FROM registration_token WHERE registration_id = ? "
                    + "AND token_hash = ?", placed.get(i).id, claims.get(i).tokenHash()));
        }
        assertTrue(placed.get(0).id < placed.get(1).id && placed.get(2).id < placed.get(3).id, "ids in arrival order");
        assertEquals(Map.of(placed.get(2).id, 1L, placed.get(3).id, 2L),
                seats.positions(id, placed).await().atMost(WAIT), "the confirmed ones have no position");
        assertEquals(3, Accounts.count(db, "SELECT confirmed_count FROM event WHERE id = ?", id));
        assertEquals(3, Accounts.count(db, "SELECT count(*) FROM registration WHERE event_id = ? AND status = 'CONFIRMED'", id));
    }

    @Test
    void aBatchWithARepeatedEmailWritesNothingAndAnUnpublishedEventTakesNoBatch() {
        String staff = Staff.token();
        long id = event(staff, 5);
        String twice = Accounts.uniqueEmail("dua-kali");
        var batch = List.of(patron(Accounts.uniqueEmail("satu")), patron(twice), patron(twice.toUpperCase()));
        var failed = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                () -> seats.claimAll(id, batch).await().atMost(WAIT));
        assertTrue(DatabaseProblems.isUniqueViolation(failed), failed.toString());
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM registration WHERE event_id = ?", id));
        assertEquals(0, Accounts.count(db, "SELECT confirmed_count FROM event WHERE id = ?", id));
        Accounts.sql(db, "UPDATE event SET status = 'CANCELLED', cancelled_at = now() WHERE id = ?", id);
        assertNull(seats.claimAll(id, List.of(patron(Accounts.uniqueEmail("a")), patron(Accounts.uniqueEmail("b"))))
                .await().atMost(WAIT));
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM registration WHERE event_id = ?", id));
    }

    @Test
    void aRushThroughTheLineFillsExactlyTheSeatsAndAnswersEveryone() throws Exception {
        String staff = Staff.token();
        long id = event(staff, 30);
        String twice = Accounts.uniqueEmail("kembar");
        ExecutorService pool = Executors.newFixedThreadPool(24);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                String email = i % 40 == 7 ? twice : Accounts.uniqueEmail("serbu" + i); // one patron three times
                answers.add(pool.submit(() -> given().contentType(io.restassured.http.ContentType.JSON)
                        .body(Map.of("name", "Pembaca", "email", email))
                        .post("/api/events/" + id + "/registrations").then().extract().statusCode()));
            }
            for (Future<Integer> a : answers) {
                int status = a.get();
                assertEquals(202, status, "every patron, new or repeated, gets the same answer");
            }
            assertEquals(118, Accounts.count(db, "SELECT count(*) FROM registration WHERE event_id = ?", id));
        } finally {
            pool.shutdownNow();
        }
        assertEquals(30, Accounts.count(db, "SELECT count(*) FROM registration WHERE event_id = ? AND status = 'CONFIRMED'", id));
        assertEquals(30, Accounts.count(db, "SELECT confirmed_count FROM event WHERE id = ?", id));
        assertEquals(88, Accounts.count(db, "SELECT count(*) FROM registration WHERE event_id = ? AND status = 'WAITLISTED'", id));
        assertEquals(118, Accounts.count(db, "SELECT count(DISTINCT t.registration_id) FROM registration_token t "
                + "JOIN registration r ON r.id = t.registration_id WHERE r.event_id = ?", id));
        assertEquals(3, Accounts.count(db, "SELECT count(*) FROM registration_token t JOIN registration r "
                + "ON r.id = t.registration_id WHERE r.email = ?", twice), "the repeats each got a new manage link");
    }
}
