package id.serambi.account.tokens;



import static id.serambi.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.serambi.event.EventFixtures;
import id.serambi.support.Accounts;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, finding 1: a token must not outlive the account's role, password or existence. Each test is an attack
 * that worked before tokens carried a version checked on every request (every one answered 200).
 */
@QuarkusTest
class TokenRevocationTest {

    @Inject
    AgroalDataSource db;

    @Inject
    AccountStates states;

    private List<Long> ids(String sql, Object... args) {
        try (java.sql.Connection c = db.getConnection(); java.sql.PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            List<Long> ids = new ArrayList<>();
            try (java.sql.ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long idOf(String token) {
        return given().auth().oauth2(token).get("/api/me").then().statusCode(200).extract().jsonPath().getLong("id");
    }

    private static long publishedEvent(String staff) {
        long id = given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(EventFixtures.body(EventFixtures.uniqueDay()))
                .post("/api/events").then().statusCode(201).extract().jsonPath().getLong("id");
        given().auth().oauth2(staff).post("/api/events/" + id + "/publish").then().statusCode(200);
        return id;
    }

    private static void changeRole(String admin, long id, String role) {
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("role", role))
                .put("/api/users/" + id + "/role").then().statusCode(200).body("role", equalTo(role));
    }

    @Test
    void aDemotedStaffMembersOldTokenNoLongerListsRegistrants() {
        String admin = Accounts.tokenFor(db, "ADMIN");
        String staff = Accounts.tokenFor(db, "STAFF");
        long event = publishedEvent(staff);
        given().auth().oauth2(staff).get("/api/events/" + event + "/registrations").then().statusCode(200);

        changeRole(admin, idOf(staff), "MEMBER");

        assertProblem(given().auth().oauth2(staff).get("/api/events/" + event + "/registrations").then(),
                401, "unauthenticated");
        assertProblem(given().auth().oauth2(staff).accept("text/csv").get("/api/events/" + event + "/registrations").then(),
                401, "unauthenticated");
    }

    @Test
    void aDemotedAdminsOldTokenCannotPromoteItselfBack() {
        String admin = Accounts.tokenFor(db, "ADMIN");
        String other = Accounts.tokenFor(db, "ADMIN");
        long otherId = idOf(other);

        changeRole(admin, otherId, "MEMBER");

        assertProblem(given().auth().oauth2(other).contentType(ContentType.JSON).body(Map.of("role", "ADMIN"))
                .put("/api/users/" + otherId + "/role").then(), 401, "unauthenticated");
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM app_user WHERE id = ? AND role = 'MEMBER'", otherId));
    }

    @Test
    void aPromotionAlsoEndsOlderTokensAndTheNewTokenActsWithTheNewRole() {
        String admin = Accounts.tokenFor(db, "ADMIN");
        String email = Accounts.uniqueEmail("calon-staf");
        Accounts.register(email);
        String member = Accounts.login(email, Accounts.PASSWORD);
        changeRole(admin, idOf(member), "STAFF");

        assertProblem(given().auth().oauth2(member).get("/api/me").then(), 401, "unauthenticated");
        String staff = Accounts.login(email, Accounts.PASSWORD);
        given().auth().oauth2(staff).get("/api/me").then().statusCode(200).body("role", equalTo("STAFF"));
        publishedEvent(staff);
    }

    @Test
    void aDeletedAccountsTokenNoLongerExportsRegistrants() {
        String staff = Accounts.tokenFor(db, "STAFF");
        long event = publishedEvent(staff);
        given().auth().oauth2(staff).accept("text/csv").get("/api/events/" + event + "/registrations").then().statusCode(200);

        given().auth().oauth2(staff).delete("/api/me").then().statusCode(204);

        assertProblem(given().auth().oauth2(staff).accept("text/csv").get("/api/events/" + event + "/registrations").then(),
                401, "unauthenticated");
        assertProblem(given().auth().oauth2(staff).get("/api/me").then(), 401, "unauthenticated");
    }

    @Test
    void aTokenFromBeforeAPasswordChangeStopsWorking() {
        String email = Accounts.uniqueEmail("ganti-sandi");
        Accounts.register(email);
        String before = Accounts.login(email, Accounts.PASSWORD);
        String otherDevice = Accounts.login(email, Accounts.PASSWORD);

        given().auth().oauth2(before).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", Accounts.PASSWORD, "newPassword", "sandi-baru-yang-panjang"))
                .patch("/api/me").then().statusCode(200);

        assertProblem(given().auth().oauth2(otherDevice).get("/api/me").then(), 401, "unauthenticated");
        assertProblem(given().auth().oauth2(before).get("/api/me").then(), 401, "unauthenticated");
        String after = Accounts.login(email, "sandi-baru-yang-panjang");
        given().auth().oauth2(after).get("/api/me").then().statusCode(200).body("email", equalTo(email));
    }

    @Test
    void logOutEverywhereEndsEveryEarlierToken() {
        String email = Accounts.uniqueEmail("semua-perangkat");
        Accounts.register(email);
        String phone = Accounts.login(email, Accounts.PASSWORD);
        String laptop = Accounts.login(email, Accounts.PASSWORD);

        given().auth().oauth2(phone).post("/api/me/logout-everywhere").then().statusCode(204);

        assertProblem(given().auth().oauth2(phone).get("/api/me").then(), 401, "unauthenticated");
        assertProblem(given().auth().oauth2(laptop).get("/api/me").then(), 401, "unauthenticated");
        assertProblem(given().post("/api/me/logout-everywhere").then(), 401, "unauthenticated");
        String again = Accounts.login(email, Accounts.PASSWORD);
        given().auth().oauth2(again).get("/api/me").then().statusCode(200);
    }

    @Test
    void aTokenWithoutAVersionIsRefused() throws Exception {
        // A token signed with the right key but issued before versions existed (or forged without one).
        String email = Accounts.uniqueEmail("tanpa-versi");
        Accounts.register(email);
        long id = idOf(Accounts.login(email, Accounts.PASSWORD));
        String unversioned = io.smallrye.jwt.build.Jwt.issuer("https://serambi.id").subject(String.valueOf(id))
                .upn(email).groups(java.util.Set.of("MEMBER")).expiresIn(600)
                .sign(io.smallrye.jwt.util.KeyUtils.readPrivateKey("test-keys/private.pem"));
        assertProblem(given().auth().oauth2(unversioned).get("/api/me").then(), 401, "unauthenticated");
    }

    @Test
    void theHotPathReadsTheAccountOnceNotOnEveryRequest() {
        String staff = Accounts.tokenFor(db, "STAFF");
        given().auth().oauth2(staff).get("/api/me").then().statusCode(200);
        long loads = states.loads();
        for (int i = 0; i < 20; i++) {
            given().auth().oauth2(staff).get("/api/me").then().statusCode(200);
        }
        assertEquals(loads, states.loads(), "20 requests with a known token read no account from the database");
    }

    @Test
    void twoAdminsErasingThemselvesAtOnceLeaveOneAdmin() throws Exception {
        // Only the two racing admins may be admins for this test; the others step aside and come back after.
        String a = Accounts.tokenFor(db, "ADMIN");
        String b = Accounts.tokenFor(db, "ADMIN");
        List<Long> others = ids( "SELECT id FROM app_user WHERE role = 'ADMIN' AND id NOT IN (?, ?)",
                idOf(a), idOf(b));
        for (long id : others) {
            Accounts.sql(db, "UPDATE app_user SET role = 'STAFF' WHERE id = ?", id);
        }
        try {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (String token : List.of(a, b)) {
                Callable<Integer> erase = () -> {
                    start.await();
                    return given().auth().oauth2(token).delete("/api/me").then().extract().statusCode();
                };
                answers.add(pool.submit(erase));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            pool.shutdown();
            assertTrue(statuses.containsAll(List.of(204, 409)), "one erased, the other refused: " + statuses);
            assertEquals(1, Accounts.count(db, "SELECT count(*) FROM app_user WHERE role = 'ADMIN'"));
        } finally {
            for (long id : others) {
                Accounts.sql(db, "UPDATE app_user SET role = 'ADMIN' WHERE id = ?", id);
            }
        }
    }

    @Test
    void theDatabaseItselfRefusesToLoseTheLastAdmin() {
        // Whatever code path tries it: here plain SQL demoting every admin at once.
        List<Long> admins = ids( "SELECT id FROM app_user WHERE role = 'ADMIN'");
        assertTrue(!admins.isEmpty());
        IllegalStateException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> Accounts.sql(db, "UPDATE app_user SET role = 'STAFF' WHERE role = 'ADMIN'"));
        assertTrue(String.valueOf(refused.getCause().getMessage()).contains("at least one admin"), refused.toString());
        assertEquals(admins.size(), Accounts.count(db, "SELECT count(*) FROM app_user WHERE role = 'ADMIN'"));
    }
}
