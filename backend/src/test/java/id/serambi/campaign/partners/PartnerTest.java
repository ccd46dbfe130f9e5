package id.serambi.campaign.partners;

import static id.serambi.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.serambi.campaign.CampaignFixtures;
import id.serambi.support.Accounts;
import id.serambi.support.Staff;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Issue 22: staff record the library's partners; names are unique in any letter case; only staff see them. */
@QuarkusTest
class PartnerTest {

    @Inject
    AgroalDataSource db;

    static Map<String, Object> partner(String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("kind", "SCHOOL");
        body.put("contact", "Bu Sari (guru bahasa), WA 0812-3456-7890");
        body.put("notes", "Pojok baca kelas VIII; poster di mading");
        return body;
    }

    static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    static long create(String staff, Map<String, Object> body) {
        return CampaignFixtures.followLocation(staff, given().auth().oauth2(staff).contentType(ContentType.JSON).body(body)
                .post("/api/partners").then().statusCode(201).header("ETag", equalTo("\"0\"")).extract());
    }

    @Test
    void staffRecordReadChangeAndDeleteAPartner() {
        String staff = Staff.token();
        String name = unique("SMP Negeri 3 Banjarbaru");
        Map<String, Object> body = partner("  " + name + "  ");
        long id = create(staff, body);
        given().auth().oauth2(staff).get("/api/partners/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"0\"")).body("name", equalTo(name)).body("kind", equalTo("SCHOOL"))
                .body("contact", equalTo("Bu Sari (guru bahasa), WA 0812-3456-7890"))
                .body("notes", equalTo("Pojok baca kelas VIII; poster di mading")).body("links", equalTo(0))
                .body("version", equalTo(0));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM partner WHERE id = ? AND name = ? AND kind = 'SCHOOL'", id, name));

        Map<String, Object> changed = partner(name + " (OSIS)");
        changed.put("kind", "COMMUNITY");
        changed.put("contact", " ");
        changed.remove("notes");
        given().auth().oauth2(staff).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(changed)
                .put("/api/partners/" + id).then().statusCode(200).header("ETag", equalTo("\"1\""))
                .body("name", equalTo(name + " (OSIS)")).body("kind", equalTo("COMMUNITY"))
                .body("contact", nullValue()).body("notes", nullValue()).body("version", equalTo(1));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM partner WHERE id = ? AND kind = 'COMMUNITY' AND contact IS NULL "
                + "AND notes IS NULL AND version = 1 AND updated_at >= created_at", id));

        // A stale or missing If-Match changes nothing.
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(partner("Lain"))
                .put("/api/partners/" + id).then(), 412, "stale-version").header("ETag", equalTo("\"1\""));
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).body(partner("Lain"))
                .put("/api/partners/" + id).then(), 428, "version-required");
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM partner WHERE name = 'Lain'"));

        given().auth().oauth2(staff).delete("/api/partners/" + id).then().statusCode(204);
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM partner WHERE id = ?", id));
        assertProblem(given().auth().oauth2(staff).get("/api/partners/" + id).then(), 404, "not-found");
        assertProblem(given().auth().oauth2(staff).delete("/api/partners/" + id).then(), 404, "not-found");
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(partner("Lain"))
                .put("/api/partners/" + id).then(), 404, "not-found");
    }

    @Test
    void theListPagesByNameAndFindsPartOfANameInAnyCase() {
        String staff = Staff.token();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long radio = create(staff, partner("Radio Suara Banjarbaru " + tag));
        long club = create(staff, partner("Klub Baca 50%_" + tag));
        long school = create(staff, partner("SMA Negeri 1 " + tag));

        given().auth().oauth2(staff).queryParam("q", tag.toUpperCase()).get("/api/partners").then().statusCode(200)
                .body("total", equalTo(3)).body("page", equalTo(0)).body("size", equalTo(20))
                .body("items.id", equalTo(List.of((int) club, (int) radio, (int) school)));
        given().auth().oauth2(staff).queryParam("q", "radio suara banjarbaru " + tag).get("/api/partners").then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo((int) radio))
                .body("items[0].contact", equalTo("Bu Sari (guru bahasa), WA 0812-3456-7890"));
        // % and _ are letters of the search, not wildcards.
        given().auth().oauth2(staff).queryParam("q", "50%_" + tag).get("/api/partners").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo((int) club));
        given().auth().oauth2(staff).queryParam("q", "%" + tag.substring(0, 4) + "_").get("/api/partners").then()
                .statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(staff).queryParam("q", tag).queryParam("size", 2).queryParam("page", 1).get("/api/partners")
                .then().statusCode(200).body("total", equalTo(3)).body("size", equalTo(2)).body("page", equalTo(1))
                .body("items.id", equalTo(List.of((int) school)));
        given().auth().oauth2(staff).queryParam("size", 1000).get("/api/partners").then().statusCode(200)
                .body("size", equalTo(100));
        assertProblem(given().auth().oauth2(staff).queryParam("page", "abc").get("/api/partners").then(), 400, "validation")
                .body("errors[0].field", equalTo("page"));
    }

    @Test
    void invalidFieldsAre400NamingTheFieldAndWriteNothing() {
        String staff = Staff.token();
        String name = unique("Komunitas Literasi");
        long before = Accounts.count(db, "SELECT count(*) FROM partner");
        Map<String, Map<String, Object>> cases = new java.util.LinkedHashMap<>();
        cases.put("name", with(partner(name), "name", " "));
        cases.put("name ", with(partner(name), "name", "x".repeat(121)));
        cases.put("name  ", without(partner(name), "name"));
        cases.put("kind", with(partner(name), "kind", "INFLUENCER_BESAR"));
        cases.put("kind ", without(partner(name), "kind"));
        cases.put("contact", with(partner(name), "contact", "x".repeat(301)));
        cases.put("notes", with(partner(name), "notes", "x".repeat(2001)));
        for (var c : cases.entrySet()) {
            assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).body(c.getValue()).post("/api/partners")
                    .then(), 400, "validation").body("errors[0].field", equalTo(c.getKey().strip()));
        }
        // The limits themselves are fine.
        Map<String, Object> longest = with(with(partner("x".repeat(110) + UUID.randomUUID().toString().substring(0, 10)),
                "contact", "c".repeat(300)), "notes", "n".repeat(2000));
        create(staff, longest);
        assertEquals(before + 1, Accounts.count(db, "SELECT count(*) FROM partner"));

        long id = create(staff, partner(name));
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(with(partner(name), "notes", "x".repeat(2001))).put("/api/partners/" + id).then(), 400, "validation")
                .body("errors[0].field", equalTo("notes"));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM partner WHERE id = ? AND version = 0", id));
    }

    @Test
    void aNameIsUniqueInAnyLetterCase() {
        String staff = Staff.token();
        String name = unique("Rina Membaca");
        long rina = create(staff, partner(name));
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).body(partner(" " + name.toUpperCase() + " "))
                .post("/api/partners").then(), 409, "name-taken").body("errors[0].field", equalTo("name"));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM partner WHERE lower(name) = lower(?)", name));

        long other = create(staff, partner(unique("Radio Bahana")));
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(partner(name.toLowerCase())).put("/api/partners/" + other).then(), 409, "name-taken")
                .body("errors[0].field", equalTo("name"));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM partner WHERE id = ? AND version = 0", other));
        // Keeping one's own name in another case is no conflict.
        given().auth().oauth2(staff).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(partner(name.toUpperCase()))
                .put("/api/partners/" + rina).then().statusCode(200).body("name", equalTo(name.toUpperCase()));
    }

    @Test
    void twelveStaffSavingTheSameNameAtOnceMakeExactlyOnePartner() throws Exception {
        String staff = Staff.token();
        String name = unique("Komunitas Pustaka Bergerak");
        int n = 12;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String spelling = i % 2 == 0 ? name : name.toUpperCase();
                answers.add(pool.submit(() -> {
                    start.await();
                    return given().auth().oauth2(staff).contentType(ContentType.JSON).body(partner(spelling))
                            .post("/api/partners").then().extract().statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : answers) {
                statuses.add(f.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), "statuses " + statuses);
            assertEquals(n - 1, statuses.stream().filter(s -> s == 409).count(), "statuses " + statuses);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM partner WHERE lower(name) = lower(?)", name));
    }

    @Test
    void onlyStaffAndAdminsSeePartners() {
        String staff = Staff.token();
        String name = unique("Mitra Rahasia");
        long id = create(staff, partner(name));
        String member = Accounts.tokenFor(db, "MEMBER");
        String reviewer = Accounts.tokenFor(db, "REVIEWER");
        for (String token : List.of(member, reviewer)) {
            assertProblem(given().auth().oauth2(token).get("/api/partners").then(), 403, "forbidden");
            assertProblem(given().auth().oauth2(token).get("/api/partners/" + id).then(), 403, "forbidden");
            assertProblem(given().auth().oauth2(token).contentType(ContentType.JSON).body(partner(unique("Mitra Anggota")))
                    .post("/api/partners").then(), 403, "forbidden");
            assertProblem(given().auth().oauth2(token).delete("/api/partners/" + id).then(), 403, "forbidden");
        }
        assertProblem(given().get("/api/partners").then(), 401, "unauthenticated");
        assertProblem(given().get("/api/partners/" + id).then(), 401, "unauthenticated");
        assertProblem(given().contentType(ContentType.JSON).body(partner(unique("Mitra Tamu"))).post("/api/partners").then(),
                401, "unauthenticated");
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM partner WHERE name LIKE 'Mitra Anggota%' OR name LIKE 'Mitra Tamu%'"));
        given().auth().oauth2(Accounts.tokenFor(db, "ADMIN")).get("/api/partners/" + id).then().statusCode(200)
                .body("name", equalTo(name));
    }

    static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        body.put(key, value);
        return body;
    }

    static Map<String, Object> without(Map<String, Object> body, String key) {
        body.remove(key);
        return body;
    }
}
