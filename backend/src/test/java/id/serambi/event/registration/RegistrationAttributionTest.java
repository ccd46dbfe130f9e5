package id.serambi.event.registration;

import static id.serambi.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import id.serambi.event.EventFixtures;
import id.serambi.event.Events;
import id.serambi.support.Accounts;
import id.serambi.support.ManageLinks;
import id.serambi.support.Staff;
import id.serambi.support.Wita;
import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Issue 22, attribution: a registration keeps the code of the tracked link that brought the patron ({@code ref}),
 * through the one-statement claim (alone and in a batch) and the series path; a malformed code is a 400 naming
 * {@code ref} and stores nothing; and {@link Events#referrals} counts what those registrations became, per code and day.
 */
@QuarkusTest
class RegistrationAttributionTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    AgroalDataSource db;

    @Inject
    RegistrationRepository seats;

    @Inject
    Events events;

    private long event(String staff, int capacity) {
        Map<String, Object> body = EventFixtures.body(EventFixtures.uniqueDay());
        body.put("capacity", capacity);
        return EventFixtures.published(staff, body);
    }

    private static String code() {
        return id.serambi.campaign.links.LinkCodes.generate();
    }

    private String refOf(long eventId, String email) {
        return Accounts.text(db, "SELECT ref_code FROM registration WHERE event_id = ? AND email = ?", eventId, email);
    }

    @Test
    void aRegistrationKeepsItsLinksCodeAndOneWithoutStaysNull() {
        long id = event(Staff.token(), 10);
        String ref = code();
        String brought = Accounts.uniqueEmail("tautan");
        String direct = Accounts.uniqueEmail("langsung");
        ManageLinks.register(id, Map.of("name", "Siti", "email", brought, "ref", ref));
        ManageLinks.register(id, Map.of("name", "Budi", "email", direct));
        assertEquals(ref, refOf(id, brought));
        assertNull(refOf(id, direct));

        // The same patron again through another link: the registration keeps the first link's code.
        given().contentType(ContentType.JSON).body(Map.of("name", "Siti", "email", brought, "ref", code()))
                .post("/api/events/" + id + "/registrations").then().statusCode(202);
        assertEquals(ref, refOf(id, brought));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM registration WHERE event_id = ? AND email = ?", id,
                brought));
    }

    @Test
    void aMalformedRefIsA400NamingItAndStoresNothing() {
        long id = event(Staff.token(), 10);
        for (String bad : List.of("", "ABCDEFGHJK", "k7m2q9xw4", "k7m2q9xw4pp", "k7m2q9xw40", "k7m2q9xw4l",
                "k7m2q9xw4i", "k7m2q9xw4o", "k7m2q9xw4 ", "=cmd|calc!")) {
            String email = Accounts.uniqueEmail("salah");
            assertProblem(given().contentType(ContentType.JSON).body(Map.of("name", "Siti", "email", email, "ref", bad))
                    .post("/api/events/" + id + "/registrations").then(), 400, "validation")
                    .body("errors[0].field", equalTo("ref"));
            assertEquals(0, Accounts.count(db, "SELECT count(*) FROM registration WHERE email = ?", email), bad);
        }
        assertEquals(0, Accounts.count(db, "SELECT confirmed_count FROM event WHERE id = ?", id));
    }

    @Test
    void aBatchOfClaimsKeepsEachPatronsOwnRef() {
        long id = event(Staff.token(), 2);
        List<RegistrationRepository.Claim> claims = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            claims.add(new RegistrationRepository.Claim("Rina", Accounts.uniqueEmail("rombongan" + i), null,
                    AgeGroup.TEEN, Instant.now(), ManageTokens.hash(ManageTokens.generate()), i == 2 ? null : code()));
        }
        List<Registration> placed = seats.claimAll(id, claims).await().atMost(WAIT);
        for (int i = 0; i < 5; i++) {
            RegistrationRepository.Claim c = claims.get(i);
            assertEquals(c.ref(), placed.get(i).refCode);
            if (c.ref() == null) {
                assertNull(refOf(id, c.email()));
            } else {
                assertEquals(c.ref(), refOf(id, c.email()));
            }
        }
    }

    @Test
    void aRushThroughTheClaimLineKeepsEachPatronsOwnRef() throws Exception {
        long id = event(Staff.token(), 10);
        Map<String, String> refs = new HashMap<>();
        for (int i = 0; i < 40; i++) {
            refs.put(Accounts.uniqueEmail("serbu" + i), i % 4 == 0 ? null : code());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            refs.forEach((email, ref) -> answers.add(pool.submit(() -> {
                Map<String, Object> body = new HashMap<>(Map.of("name", "Rina", "email", email));
                if (ref != null) {
                    body.put("ref", ref);
                }
                return given().contentType(ContentType.JSON).body(body).post("/api/events/" + id + "/registrations")
                        .then().extract().statusCode();
            })));
            for (Future<Integer> answer : answers) {
                assertEquals(202, answer.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(40, Accounts.count(db, "SELECT count(*) FROM registration WHERE event_id = ?", id));
        refs.forEach((email, ref) -> assertEquals(ref, refOf(id, email), email));
    }

    @Test
    void aSeriesRegistrationKeepsTheRefOnEverySession() {
        String staff = Staff.token();
        Map<String, Object> first = EventFixtures.body(EventFixtures.uniqueDay());
        var series = given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("title", "Klub Buku (rujukan)", "first", first, "occurrences", 2, "publish", true))
                .post("/api/event-series").then().statusCode(201).extract().jsonPath();
        long seriesId = series.getLong("id");
        List<Long> sessions = series.getList("events.id", Long.class);
        assertEquals(2, sessions.size());
        String ref = code();
        String email = Accounts.uniqueEmail("seri");
        given().contentType(ContentType.JSON).body(Map.of("name", "Dewi", "email", email, "ref", ref))
                .post("/api/event-series/" + seriesId + "/registrations").then().statusCode(202);
        for (long session : sessions) {
            assertEquals(ref, refOf(session, email));
        }
    }

    @Test
    void referralsCountRegistrationsConfirmedAndAttendedPerCodeAndDay() throws Throwable {
        long id = event(Staff.token(), 3);
        String a = code();
        String b = code();
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String email = Accounts.uniqueEmail("rujukan" + i);
            emails.add(email);
            ManageLinks.register(id, Map.of("name", "Patron " + i, "email", email, "ref", i < 4 ? a : b));
        }
        // a: 4 registrations, the first 3 with a seat, 1 waitlisted; b: 1, waitlisted. Two of a's come.
        Accounts.sql(db, "UPDATE registration SET status = 'ATTENDED', attended_at = now() WHERE email IN (?, ?)",
                emails.get(0), emails.get(1));
        // One of a's made the day before (WITA): its own row.
        Accounts.sql(db, "UPDATE registration SET created_at = created_at - interval '1 day' WHERE email = ?",
                emails.get(3));
        LocalDate today = LocalDate.now(Wita.ZONE);
        String today0 = Accounts.text(db, "SELECT CAST(created_at AT TIME ZONE 'Asia/Makassar' AS date) FROM "
                + "registration WHERE email = ?", emails.get(0));
        LocalDate made = LocalDate.parse(today0);
        List<Events.Referral> all = referrals(List.of(a, b, code()), null, null);
        // In day then code order, as the query sorts them.
        assertEquals(java.util.stream.Stream.of(new Events.Referral(a, made.minusDays(1), 1, 0, 0),
                new Events.Referral(a, made, 3, 3, 2), new Events.Referral(b, made, 1, 0, 0))
                .sorted(java.util.Comparator.comparing(Events.Referral::day).thenComparing(Events.Referral::code))
                .toList(), all);
        // The period cuts by the day the registration was made.
        assertEquals(List.of(new Events.Referral(a, made.minusDays(1), 1, 0, 0)),
                referrals(List.of(a), null, made.minusDays(1)));
        assertEquals(List.of(new Events.Referral(a, made, 3, 3, 2)), referrals(List.of(a), made, made));
        assertEquals(List.of(), referrals(List.of(), null, null));
        assertEquals(today, made, "the registrations were made today in the library's zone");
    }

    private List<Events.Referral> referrals(List<String> codes, LocalDate from, LocalDate to) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> events.referrals(codes, from, to)));
    }
}
