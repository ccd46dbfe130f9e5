package id.serambi.event.registration;

import static id.serambi.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.serambi.event.EventFixtures;
import id.serambi.support.Accounts;
import id.serambi.support.Staff;
import id.serambi.support.Wita;
import id.serambi.support.Xlsx;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.Row;
import io.agroal.api.AgroalDataSource;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Staff's view of registrants: the list, the CSV export, check-in, manual promotion; patrons' feedback. */
@QuarkusTest
class RegistrationStaffTest {

    @Inject
    AgroalDataSource db;

    @Inject
    MockMailbox mailbox;

    String staff;

    @BeforeEach
    void staff() {
        staff = Staff.token();
    }

    private long event(int capacity) {
        Map<String, Object> body = EventFixtures.body(EventFixtures.uniqueDay());
        body.put("capacity", capacity);
        return EventFixtures.published(staff, body);
    }

    @Test
    void staffSearchRegistrantsByNameEmailOrWhatsapp() {
        long id = EventFixtures.published(staff, EventFixtures.body(EventFixtures.uniqueDay()));
        EventFixtures.register(id, "Siti Nurhaliza", Accounts.uniqueEmail("siti"));
        EventFixtures.register(id, "Ahmad Fauzi", Accounts.uniqueEmail("ahmad"));
        given().contentType(ContentType.JSON).body(Map.of("name", "Dewi Lestari", "email", Accounts.uniqueEmail("dewi"),
                "whatsapp", "+6281299998888")).post("/api/events/" + id + "/registrations").then().statusCode(202);

        given().auth().oauth2(staff).queryParam("q", "NURHA").get("/api/events/" + id + "/registrations").then()
                .statusCode(200).body("items.name", contains("Siti Nurhaliza")).body("total", equalTo(1));
        given().auth().oauth2(staff).queryParam("q", "ahmad-").get("/api/events/" + id + "/registrations").then()
                .statusCode(200).body("items.name", contains("Ahmad Fauzi"));
        given().auth().oauth2(staff).queryParam("q", "99998888").get("/api/events/" + id + "/registrations").then()
                .statusCode(200).body("items.name", contains("Dewi Lestari"));
        given().auth().oauth2(staff).queryParam("q", "%").get("/api/events/" + id + "/registrations").then()
                .statusCode(200).body("total", equalTo(0));
        assertProblem(given().auth().oauth2(staff).queryParam("q", "x".repeat(101))
                .get("/api/events/" + id + "/registrations").then(), 400, "validation");
    }

    @Test
    void staffListRegistrantsAsJsonAndAsCsvWithABom() throws Exception {
        long id = event(1);
        String siti = Accounts.uniqueEmail("siti");
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Siti Nurhaliza Ñ Ä 中", "email", siti, "whatsapp", "+62 812 3456 7890"))
                .post("/api/events/" + id + "/registrations").then().statusCode(202);
        EventFixtures.register(id, "=HYPERLINK(\"http://jahat.example\")", Accounts.uniqueEmail("jahat"));

        given().auth().oauth2(staff).get("/api/events/" + id + "/registrations").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.name", contains("Siti Nurhaliza Ñ Ä 中", "=HYPERLINK(\"http://jahat.example\")"))
                .body("items.status", contains("CONFIRMED", "WAITLISTED"))
                .body("items[0].email", equalTo(siti));
        given().auth().oauth2(staff).queryParam("status", "WAITLISTED").get("/api/events/" + id + "/registrations")
                .then().statusCode(200).body("total", equalTo(1));
        given().auth().oauth2(staff).queryParam("size", 1).queryParam("page", 1).get("/api/events/" + id + "/registrations")
                .then().statusCode(200).body("total", equalTo(2)).body("size", equalTo(1))
                .body("items.status", contains("WAITLISTED"));
        assertProblem(given().auth().oauth2(staff).queryParam("status", "HADIR").get("/api/events/" + id + "/registrations")
                .then(), 400, "validation");

        var response = given().auth().oauth2(staff).accept("text/csv").get("/api/events/" + id + "/registrations")
                .then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", startsWith("attachment; filename="))
                .extract();
        byte[] bytes = response.asByteArray();
        assertEquals((byte) 0xEF, bytes[0]);
        assertEquals((byte) 0xBB, bytes[1]);
        assertEquals((byte) 0xBF, bytes[2]);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        List<CSVRecord> rows = CSVFormat.EXCEL.parse(new StringReader(text)).getRecords();
        assertEquals(List.of(RegistrationCsv.HEADER), rows.get(0).toList());
        assertEquals(3, rows.size(), text);
        assertEquals("Siti Nurhaliza Ñ Ä 中", rows.get(1).get(1));
        assertEquals(siti, rows.get(1).get(2));
        assertEquals("'+6281234567890", rows.get(1).get(3), "a spreadsheet keeps the + of a WhatsApp number as text");
        assertEquals("CONFIRMED", rows.get(1).get(5));
        assertTrue(rows.get(1).get(6).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}"), rows.get(1).get(6));
        // A name a spreadsheet would run as a formula stays text.
        assertEquals("'=HYPERLINK(\"http://jahat.example\")", rows.get(2).get(1));
    }

    /** Issue 17 point 11: the Excel file for people, read back as a spreadsheet program would. */
    @Test
    void theXlsxHasIndonesianHeadersStatusesAndWitaDateCells() {
        long id = event(1);
        String siti = Accounts.uniqueEmail("siti");
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Siti Nurhaliza", "email", siti, "whatsapp", "+62 812 3456 7890", "ageGroup", "ADULT"))
                .post("/api/events/" + id + "/registrations").then().statusCode(202);
        EventFixtures.register(id, "=HYPERLINK(\"http://jahat.example\")", Accounts.uniqueEmail("jahat"));
        JsonPath json = given().auth().oauth2(staff).get("/api/events/" + id + "/registrations").then().extract().jsonPath();

        byte[] file = given().auth().oauth2(staff).accept(Xlsx.MEDIA_TYPE).get("/api/events/" + id + "/registrations")
                .then().statusCode(200).contentType(Xlsx.MEDIA_TYPE)
                .header("Content-Disposition", equalTo("attachment; filename=\"pendaftar-acara-" + id + ".xlsx\""))
                .extract().asByteArray();
        List<Row> rows = Xlsx.rows(file);
        assertEquals(3, rows.size());
        assertEquals(List.of("ID", "Nama", "E-mail", "WhatsApp", "Kelompok usia", "Status", "Terdaftar (WITA)",
                "Dikonfirmasi (WITA)", "Dibatalkan (WITA)", "Hadir (WITA)"), Xlsx.texts(rows.get(0)));
        Row first = rows.get(1);
        assertEquals(json.getLong("items[0].id"), first.getCellAsNumber(0).orElseThrow().longValue());
        assertEquals("Siti Nurhaliza", first.getCellText(1));
        assertEquals("+6281234567890", first.getCellText(3), "a text cell keeps the + without a '");
        assertEquals("Dewasa", first.getCellText(4));
        assertEquals("Terkonfirmasi", first.getCellText(5));
        assertEquals("Daftar tunggu", rows.get(2).getCellText(5));
        LocalDateTime created = Instant.parse(json.getString("items[0].createdAt")).atZone(Wita.ZONE).toLocalDateTime();
        assertEquals(CellType.NUMBER, first.getCell(6).getType(), "a date cell, not text");
        assertTrue(Duration.between(created, first.getCellAsDate(6).orElseThrow()).abs().toMillis() < 1000,
                created + " vs " + first.getCellAsDate(6));
        assertTrue(first.getCell(6).getDataFormatString().contains("yyyy"), first.getCell(6).getDataFormatString());
        assertTrue(first.getOptionalCell(8).map(c -> c.getType() == CellType.EMPTY).orElse(true), "not cancelled: empty");
        // The name a spreadsheet would run stays text as typed, never a formula.
        assertEquals(CellType.STRING, rows.get(2).getCell(1).getType());
        assertEquals("=HYPERLINK(\"http://jahat.example\")", rows.get(2).getCellText(1));
        assertEquals(null, rows.get(2).getCell(1).getFormula());
        // The CSV for machines keeps the API's codes.
        String csv = given().auth().oauth2(staff).accept("text/csv").get("/api/events/" + id + "/registrations")
                .then().statusCode(200).extract().asString();
        assertTrue(csv.contains(",CONFIRMED,"), csv);
        // Only staff.
        assertProblem(given().accept(Xlsx.MEDIA_TYPE).get("/api/events/" + id + "/registrations").then(), 401,
                "unauthenticated");
    }

    /** Issue 13, finding 5: only the first character was checked, so 'x;=1+1' came out live for a ';' Excel. */
    @Test
    void theCsvNeutralisesAFormulaAfterASeparatorInAName() throws Exception {
        long id = event(5);
        EventFixtures.register(id, "Budi;=1+1", Accounts.uniqueEmail("budi"));
        EventFixtures.register(id, "Ani, @SUM(1+1)", Accounts.uniqueEmail("ani"));
        EventFixtures.register(id, "-2+3 Citra", Accounts.uniqueEmail("citra"));
        byte[] bytes = given().auth().oauth2(staff).accept("text/csv").get("/api/events/" + id + "/registrations")
                .then().statusCode(200).extract().asByteArray();
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        List<CSVRecord> rows = CSVFormat.EXCEL.parse(new StringReader(text)).getRecords();
        assertEquals(4, rows.size(), text);
        assertEquals("Budi;'=1+1", rows.get(1).get(1));
        assertEquals("Ani,' @SUM(1+1)", rows.get(2).get(1));
        assertEquals("'-2+3 Citra", rows.get(3).get(1));
        assertTrue(rows.get(1).get(0).matches("\\d+"), "the id stays a number: " + rows.get(1).get(0));
    }

    @Test
    void onlyStaffSeeOrChangeRegistrants() {
        long id = event(5);
        JsonPath r = EventFixtures.register(id, "Tono", Accounts.uniqueEmail("tono"));
        String member = Accounts.tokenFor(db, "MEMBER");
        String base = "/api/events/" + id + "/registrations";
        assertProblem(given().get(base).then(), 401, "unauthenticated");
        assertProblem(given().accept("text/csv").get(base).then(), 401, "unauthenticated");
        assertProblem(given().post(base + "/" + r.getLong("id") + "/check-in").then(), 401, "unauthenticated");
        assertProblem(given().post(base + "/" + r.getLong("id") + "/promote").then(), 401, "unauthenticated");
        assertProblem(given().get("/api/events/" + id + "/feedback").then(), 401, "unauthenticated");
        assertProblem(given().auth().oauth2(member).get(base).then(), 403, "forbidden");
        assertProblem(given().auth().oauth2(member).accept("text/csv").get(base).then(), 403, "forbidden");
        assertProblem(given().auth().oauth2(member).post(base + "/" + r.getLong("id") + "/check-in").then(), 403, "forbidden");
        assertProblem(given().auth().oauth2(member).post(base + "/" + r.getLong("id") + "/promote").then(), 403, "forbidden");
        assertProblem(given().auth().oauth2(member).get("/api/events/" + id + "/feedback").then(), 403, "forbidden");
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM registration WHERE id = ? AND status = 'CONFIRMED'", r.getLong("id")));
        assertProblem(given().auth().oauth2(staff).get("/api/events/999999999/registrations").then(), 404, "not-found");
    }

    @Test
    void checkInMarksConfirmedRegistrantsAttended() {
        long id = event(1);
        JsonPath confirmed = EventFixtures.register(id, "Umar", Accounts.uniqueEmail("umar"));
        JsonPath waitlisted = EventFixtures.register(id, "Vina", Accounts.uniqueEmail("vina"));
        String base = "/api/events/" + id + "/registrations/";
        given().auth().oauth2(staff).post(base + confirmed.getLong("id") + "/check-in").then().statusCode(200)
                .body("status", equalTo("ATTENDED"));
        given().auth().oauth2(staff).post(base + confirmed.getLong("id") + "/check-in").then().statusCode(200)
                .body("status", equalTo("ATTENDED"));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM registration WHERE id = ? AND status = 'ATTENDED'"
                + " AND attended_at IS NOT NULL", confirmed.getLong("id")));
        assertEquals(1, Accounts.count(db, "SELECT confirmed_count FROM event WHERE id = ?", id));
        assertProblem(given().auth().oauth2(staff).post(base + waitlisted.getLong("id") + "/check-in").then(), 409,
                "not-confirmed");
        long other = event(5);
        assertProblem(given().auth().oauth2(staff).post("/api/events/" + other + "/registrations/"
                + confirmed.getLong("id") + "/check-in").then(), 404, "not-found");
        // An attendee can no longer cancel.
        assertProblem(given().delete("/api/registrations/" + confirmed.getString("manageToken")).then(), 409,
                "already-attended");
    }

    @Test
    void staffPromoteAChosenWaitlistedRegistrantWhenASeatIsFree() {
        long id = event(1);
        EventFixtures.register(id, "Wati", Accounts.uniqueEmail("wati"));
        JsonPath second = EventFixtures.register(id, "Xena", Accounts.uniqueEmail("xena"));
        String thirdEmail = Accounts.uniqueEmail("yuda");
        JsonPath third = EventFixtures.register(id, "Yuda", thirdEmail);
        String base = "/api/events/" + id + "/registrations/";
        assertProblem(given().auth().oauth2(staff).post(base + third.getLong("id") + "/promote").then(), 409, "event-full");
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM registration WHERE id = ? AND status = 'WAITLISTED'", third.getLong("id")));

        // A seat appears without the automatic promotion (as after a manual database fix).
        Accounts.sql(db, "UPDATE event SET capacity = 2 WHERE id = ?", id);
        given().auth().oauth2(staff).post(base + third.getLong("id") + "/promote").then().statusCode(200)
                .body("status", equalTo("CONFIRMED"));
        assertEquals(2, Accounts.count(db, "SELECT confirmed_count FROM event WHERE id = ?", id));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM registration WHERE id = ? AND status = 'WAITLISTED'", second.getLong("id")));
        assertTrue(mailbox.getMailsSentTo(thirdEmail).stream().anyMatch(m -> m.getSubject().startsWith("Kursi tersedia")));
        assertProblem(given().auth().oauth2(staff).post(base + third.getLong("id") + "/promote").then(), 409, "not-waitlisted");
    }

    @Test
    void feedbackOnceAfterTheEventStarted() {
        long id = event(1);
        JsonPath confirmed = EventFixtures.register(id, "Zaki", Accounts.uniqueEmail("zaki"));
        JsonPath waitlisted = EventFixtures.register(id, "Ayu", Accounts.uniqueEmail("ayu"));
        String url = "/api/registrations/" + confirmed.getString("manageToken") + "/feedback";
        Map<String, Object> feedback = Map.of("rating", 5, "comment", "Diskusinya seru, narasumbernya jelas.");

        assertProblem(given().contentType(ContentType.JSON).body(feedback).post(url).then(), 409, "event-not-started");
        Accounts.sql(db, "UPDATE event SET starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour' WHERE id = ?", id);
        assertProblem(given().contentType(ContentType.JSON).body(Map.of("rating", 6)).post(url).then(), 400, "validation")
                .body("errors[0].field", equalTo("rating"));
        assertProblem(given().contentType(ContentType.JSON).body(Map.of("comment", "tanpa nilai")).post(url).then(), 400,
                "validation");
        assertProblem(given().get(url).then(), 404, "not-found");
        String location = given().contentType(ContentType.JSON).body(feedback).post(url).then().statusCode(201)
                .body("rating", equalTo(5)).header("Location", endsWith(url)).extract().header("Location");
        // The created feedback can be read where Location says.
        given().get(location).then().statusCode(200).body("rating", equalTo(5))
                .body("comment", equalTo("Diskusinya seru, narasumbernya jelas."));
        assertProblem(given().contentType(ContentType.JSON).body(Map.of("rating", 1)).post(url).then(), 409, "feedback-exists");
        assertProblem(given().contentType(ContentType.JSON).body(feedback)
                .post("/api/registrations/" + waitlisted.getString("manageToken") + "/feedback").then(), 409, "not-attendee");
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM event_feedback WHERE event_id = ? AND rating = 5"
                + " AND comment = 'Diskusinya seru, narasumbernya jelas.'", id));

        given().auth().oauth2(staff).get("/api/events/" + id + "/feedback").then().statusCode(200)
                .body("count", equalTo(1)).body("averageRating", equalTo(5.0f))
                .body("items[0].comment", equalTo("Diskusinya seru, narasumbernya jelas."));
        given().get("/api/registrations/" + confirmed.getString("manageToken")).then().statusCode(200)
                .body("feedbackGiven", equalTo(true)).body("feedbackOpen", equalTo(false));
    }
}
