package id.serambi.account.members;


import static id.serambi.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.serambi.support.Accounts;
import id.serambi.support.contract.ContractFilter;
import io.agroal.api.AgroalDataSource;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AccountResourceTest {

    @Inject
    AgroalDataSource db;

    @Test
    void registerCreatesAMemberWithABcryptHash() {
        String email = Accounts.uniqueEmail("sari");
        given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", "buku-itu-jendela", "displayName", "Sari Rahmawati",
                        "birthYear", 2010))
                .post("/api/auth/register")
                .then().statusCode(202)
                .header("Location", nullValue())
                .body("email", equalTo(email))
                .body("verificationSent", equalTo(true))
                .body("$", not(hasKey("id")))
                .body("$", not(hasKey("passwordHash")));

        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM app_user WHERE email = ? AND role = 'MEMBER' "
                + "AND display_name = 'Sari Rahmawati' AND birth_year = 2010 AND email_verified_at IS NULL", email));
        String hash = hashOf(email);
        assertTrue(hash.startsWith("$2"), "stored as bcrypt: " + hash);
        assertTrue(BcryptUtil.matches("buku-itu-jendela", hash));
    }

    @Test
    void aKnownEmailInAnyCaseGetsTheSameAnswerAsANewOneAndNothingIsAdded() {
        String email = Accounts.uniqueEmail("dup");
        String fresh = given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", Accounts.PASSWORD, "displayName", "Asli", "birthYear", 2000))
                .post("/api/auth/register").then().statusCode(202).extract().asString();
        String known = given().contentType(ContentType.JSON)
                .body(Map.of("email", email.toUpperCase(), "password", "lain-lagi-12345", "displayName", "Lain",
                        "birthYear", 2000))
                .post("/api/auth/register").then().statusCode(202).extract().asString();
        assertEquals(fresh, known.replace(email.toUpperCase(), email));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM app_user WHERE lower(email) = lower(?)", email));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM app_user WHERE email = ? AND display_name = 'Asli'", email));
    }

    @Test
    void concurrentRegistrationsOfOneEmailCreateExactlyOneAccount() throws Exception {
        String email = Accounts.uniqueEmail("race");
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String variant = i % 2 == 0 ? email : email.toUpperCase();
                calls.add(() -> given().contentType(ContentType.JSON)
                        .body(Map.of("email", variant, "password", "balapan-123456", "displayName", "Balap",
                                "birthYear", 2001))
                        .post("/api/auth/register").statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            // Every one gets the same answer; the database holds one account.
            assertEquals(20, statuses.stream().filter(s -> s == 202).count(), statuses.toString());
        } finally {
            pool.shutdown();
        }
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM app_user WHERE lower(email) = lower(?)", email));
    }

    @Test
    void validationFailuresListEveryFieldAndWriteNothing() {
        String email = "not-an-email";
        assertProblem(given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", "pendek", "displayName", " "))
                .post("/api/auth/register").then(), 400, "validation")
                .body("errors.field", containsInAnyOrder("email", "password", "displayName", "birthYear"))
                .body("errors.find { it.field == 'password' }.message", equalTo("size must be between 10 and 200"));
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM app_user WHERE email = ?", email));
    }

    @Test
    void validationMessagesFollowAcceptLanguage() {
        assertProblem(given().contentType(ContentType.JSON).header("Accept-Language", "id-ID,id;q=0.9,en;q=0.5")
                .body(Map.of("email", Accounts.uniqueEmail("bahasa"), "password", "pendek", "displayName", "Budi",
                        "birthYear", 2008))
                .post("/api/auth/register").then(), 400, "validation")
                .body("errors[0].field", equalTo("password"))
                .body("errors[0].message", equalTo("panjangnya harus antara 10 dan 200 karakter"));
    }

    @Test
    void aBirthYearInTheFutureIsRejected() {
        String email = Accounts.uniqueEmail("future");
        assertProblem(given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", "masa-depan-123", "displayName", "Dari Masa Depan",
                        "birthYear", java.time.Year.now().getValue() + 1))
                .post("/api/auth/register").then(), 400, "validation")
                .body("errors[0].field", equalTo("birthYear"));
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM app_user WHERE email = ?", email));
    }

    @Test
    void malformedJsonAndWrongTypesAre400Problems() {
        assertProblem(given().contentType(ContentType.JSON).body("{\"email\": ")
                .post("/api/auth/register").then(), 400, "malformed-json");
        assertProblem(given().contentType(ContentType.JSON)
                .body("{\"email\":\"a@b.id\",\"password\":\"panjang-sekali\",\"displayName\":\"A\",\"birthYear\":\"tua\"}")
                .post("/api/auth/register").then(), 400, "validation")
                .body("errors[0].field", equalTo("birthYear"));
        assertProblem(given().contentType(ContentType.JSON).body("[1,2,3]")
                .post("/api/auth/register").then(), 400, "malformed-json");
        assertProblem(given().contentType(ContentType.JSON)
                .body("{\"email\":\"a@b.id\",\"password\":\"panjang-sekali\",\"displayName\":\"A\",\"birthYear\":99999999999999999999}")
                .post("/api/auth/register").then(), 400, "validation");
        assertProblem(given().contentType(ContentType.TEXT).body("email=a")
                .post("/api/auth/register").then(), 415, "unsupported-media-type");
        assertProblem(given().contentType(ContentType.JSON)
                .post("/api/auth/register").then(), 400, "validation")
                .body("errors[0].field", equalTo("body"));
    }

    @Test
    void anOversizedBodyIsA413Problem() {
        String huge = "x".repeat(3 * 1024 * 1024);
        assertProblem(given().contentType(ContentType.JSON)
                .body("{\"email\":\"" + huge + "\"}")
                .post("/api/auth/register").then(), 413, "payload-too-large");
    }

    @Test
    void unknownRoutesAndMethodsAreProblemsNotHtml() {
        // Paths and methods the document does not have, on purpose: outside the contract by definition.
        ContractFilter.unchecked(() -> {
            assertProblem(given().get("/api/tidak-ada").then(), 404, "not-found");
            assertProblem(given().accept("text/html").get("/api/tidak-ada/lagi").then(), 404, "not-found");
            assertProblem(given().delete("/api/auth/register").then(), 405, "method-not-allowed");
        });
        assertProblem(given().get("/assets/tidak-ada.js").then(), 404, "not-found");
    }

    @Test
    void loginReturnsAnRs256TokenThatOpensMe() {
        String email = Accounts.uniqueEmail("login");
        long id = Accounts.register(email);
        String token = Accounts.login(email.toUpperCase(), Accounts.PASSWORD);
        String header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]));
        assertTrue(header.contains("\"alg\":\"RS256\""), header);

        given().auth().oauth2(token).get("/api/me").then().statusCode(200)
                .body("id", equalTo((int) id))
                .body("email", equalTo(email))
                .body("role", equalTo("MEMBER"));
    }

    @Test
    void wrongPasswordAndUnknownAccountGetTheSame401() {
        String email = Accounts.uniqueEmail("wrong");
        Accounts.register(email);
        String ip = Accounts.randomIp();
        assertProblem(given().contentType(ContentType.JSON).header("X-Forwarded-For", ip)
                .body(Map.of("email", email, "password", "salah-salah-salah"))
                .post("/api/auth/login").then(), 401, "invalid-credentials")
                .body("detail", equalTo("The e-mail or password is wrong"));
        assertProblem(given().contentType(ContentType.JSON).header("X-Forwarded-For", ip)
                .body(Map.of("email", "nobody-" + email, "password", "salah-salah-salah"))
                .post("/api/auth/login").then(), 401, "invalid-credentials")
                .body("detail", equalTo("The e-mail or password is wrong"));
    }

    @Test
    void anonymousCallersGet401AndMembersGet403Problems() {
        assertProblem(given().get("/api/me").then(), 401, "unauthenticated")
                .header("WWW-Authenticate", startsWith("Bearer"));
        assertProblem(given().auth().oauth2("not.a.jwt").get("/api/me").then(), 401, "unauthenticated");
        assertProblem(given().get("/api/users").then(), 401, "unauthenticated");

        String member = Accounts.tokenFor(db, "MEMBER");
        assertProblem(given().auth().oauth2(member).get("/api/users").then(), 403, "forbidden");
        for (String role : List.of("STAFF", "REVIEWER")) {
            String token = Accounts.tokenFor(db, role);
            assertProblem(given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("role", "ADMIN"))
                    .put("/api/users/1/role").then(), 403, "forbidden");
        }
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRejected() throws Exception {
        var generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = io.smallrye.jwt.build.Jwt.issuer("https://serambi.id").subject("1").groups("ADMIN")
                .sign(generator.generateKeyPair().getPrivate());
        assertProblem(given().auth().oauth2(forged).get("/api/users").then(), 401, "unauthenticated");
    }

    /** PATCH /api/me is a JSON merge patch: the RFC 7396 media type is taken, and a null leaves the property as it is. */
    @Test
    void meTakesAMergePatch() {
        String email = Accounts.uniqueEmail("patch");
        Accounts.register(email);
        String token = Accounts.login(email, Accounts.PASSWORD);
        given().auth().oauth2(token).contentType("application/merge-patch+json")
                .body("{\"displayName\":\"Nama Tambalan\",\"birthYear\":null}")
                .patch("/api/me").then().statusCode(200)
                .body("displayName", equalTo("Nama Tambalan"))
                .body("birthYear", equalTo(2008));
    }

    @Test
    void membersEditTheirOwnAccount() {
        String email = Accounts.uniqueEmail("edit");
        Accounts.register(email);
        String token = Accounts.login(email, Accounts.PASSWORD);

        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("displayName", "  Nama Baru  ", "birthYear", 2007))
                .patch("/api/me").then().statusCode(200)
                .body("displayName", equalTo("Nama Baru"))
                .body("birthYear", equalTo(2007));
        assertEquals(1, Accounts.count(db,
                "SELECT count(*) FROM app_user WHERE email = ? AND display_name = 'Nama Baru' AND birth_year = 2007", email));

        assertProblem(given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("newPassword", "kata-sandi-baru-1"))
                .patch("/api/me").then(), 400, "validation")
                .body("errors[0].field", equalTo("currentPassword"));
        assertProblem(given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", "bukan-ini-123", "newPassword", "kata-sandi-baru-1"))
                .patch("/api/me").then(), 400, "validation");
        assertProblem(given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("displayName", " "))
                .patch("/api/me").then(), 400, "validation");

        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", Accounts.PASSWORD, "newPassword", "kata-sandi-baru-1"))
                .patch("/api/me").then().statusCode(200);
        Accounts.login(email, "kata-sandi-baru-1");
        assertTrue(BcryptUtil.matches("kata-sandi-baru-1", hashOf(email)));
    }

    @Test
    void adminsListUsersAndChangeRoles() {
        String admin = Accounts.tokenFor(db, "ADMIN");
        String email = Accounts.uniqueEmail("calon-staf");
        long id = Accounts.register(email);

        given().auth().oauth2(admin).queryParam("q", email.substring(0, 14)).queryParam("size", 500)
                .get("/api/users").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].email", equalTo(email))
                .body("size", equalTo(100))
                .body("total", equalTo(1));

        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("role", "STAFF"))
                .put("/api/users/" + id + "/role").then().statusCode(200)
                .body("role", equalTo("STAFF"));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM app_user WHERE id = ? AND role = 'STAFF'", id));

        assertProblem(given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("role", "KING"))
                .put("/api/users/" + id + "/role").then(), 400, "validation")
                .body("errors[0].field", equalTo("role"));
        assertProblem(given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("role", "STAFF"))
                .put("/api/users/999999999/role").then(), 404, "not-found");
    }

    @Test
    void theLastAdminCannotBeDemoted() {
        String admin = Accounts.tokenFor(db, "ADMIN");
        long otherAdmins = Accounts.count(db, "SELECT count(*) FROM app_user WHERE role = 'ADMIN'");
        assertTrue(otherAdmins >= 2);
        // Demote every admin but one through the API; the last demotion must be refused.
        List<Long> ids = new ArrayList<>();
        try (var c = db.getConnection(); var rs = c.createStatement()
                .executeQuery("SELECT id FROM app_user WHERE role = 'ADMIN' ORDER BY id")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        long me = given().auth().oauth2(admin).get("/api/me").then().extract().jsonPath().getLong("id");
        for (long id : ids) {
            if (id != me) {
                given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("role", "STAFF"))
                        .put("/api/users/" + id + "/role").then().statusCode(200);
            }
        }
        assertProblem(given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("role", "MEMBER"))
                .put("/api/users/" + me + "/role").then(), 409, "last-admin");
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM app_user WHERE role = 'ADMIN'"));
        // Put the configured first admin back so other tests can rely on it.
        Accounts.sql(db, "UPDATE app_user SET role = 'ADMIN' WHERE email = 'admin@test.serambi.id'");
    }

    @Test
    void theConfiguredFirstAdminExistsAndCanLogIn() {
        String token = Accounts.login("admin@test.serambi.id", "admin-password-123");
        given().auth().oauth2(token).get("/api/me").then().statusCode(200).body("role", equalTo("ADMIN"));
    }

    @Test
    void libraryInfoIsPublic() {
        given().get("/api/library").then().statusCode(200)
                .body("name", equalTo("Perpustakaan Kota Banjarbaru"))
                .body("timeZone", equalTo("Asia/Makassar"));
    }

    private String hashOf(String email) {
        try (var c = db.getConnection(); var st = c.prepareStatement("SELECT password_hash FROM app_user WHERE email = ?")) {
            st.setString(1, email);
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
