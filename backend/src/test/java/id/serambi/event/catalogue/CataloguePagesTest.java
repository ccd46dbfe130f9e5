package id.serambi.event.catalogue;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import id.serambi.event.EventFixtures;
import id.serambi.support.Staff;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The catalogue is served from memory, and every change shows on the next read. */
@QuarkusTest
class CataloguePagesTest {

    @Inject
    AgroalDataSource db;

    @Inject
    CataloguePages pages;

    String staff;

    @BeforeEach
    void staff() {
        staff = Staff.token();
    }

    private static ValidatableResponse day(Instant day) {
        return given().queryParam("from", day.toString()).queryParam("to", day.plusSeconds(86400).toString())
                .get("/api/events").then().statusCode(200);
    }

    @Test
    void writesThroughTheApiShowOnTheNextRead() {
        Instant day = EventFixtures.uniqueDay();
        day(day).body("items", empty());
        assertTrue(pages.size() > 0, "the page is kept");

        long id = EventFixtures.create(staff, EventFixtures.body(day));
        day(day).body("items", empty()); // a draft is not public
        EventFixtures.publish(staff, id);
        day(day).body("items.id", contains((int) id)).body("items[0].seatsLeft", equalTo(50));

        given().auth().oauth2(staff).header("If-Match", EventFixtures.etag(staff, id)).contentType("application/merge-patch+json")
                .body("{\"title\":\"Klub Buku Remaja\",\"capacity\":2}").patch("/api/events/" + id).then().statusCode(200);
        day(day).body("items[0].title", equalTo("Klub Buku Remaja")).body("items[0].seatsLeft", equalTo(2));

        EventFixtures.register(id, "Siti Rahmah", "siti.cache@example.id");
        EventFixtures.register(id, "Budi Santoso", "budi.cache@example.id");
        day(day).body("items[0].seatsLeft", equalTo(0)).body("items[0].confirmedCount", equalTo(2))
                .body("items[0].waitlistCount", equalTo(0));
        EventFixtures.register(id, "Rina Wati", "rina.cache@example.id");
        day(day).body("items[0].waitlistCount", equalTo(1));

        Map<String, Object> body = EventFixtures.body(day.plusSeconds(3600));
        long second = EventFixtures.published(staff, body);
        day(day).body("items.id", contains((int) id, (int) second)).body("total", equalTo(2));

        given().auth().oauth2(staff).contentType(ContentType.JSON).post("/api/events/" + id + "/cancel").then()
                .statusCode(200);
        day(day).body("items.id", contains((int) second)).body("total", equalTo(1));
    }

    @Test
    void aChangeMadeElsewhereArrivesByNotify() throws Exception {
        Instant day = EventFixtures.uniqueDay();
        long id = EventFixtures.published(staff, EventFixtures.body(day));
        day(day).body("items.id", contains((int) id));

        // Another instance, a job or an operator's SQL: this instance served no write, only the trigger's NOTIFY tells.
        try (Connection c = db.getConnection();
                PreparedStatement update = c.prepareStatement("UPDATE event SET title = 'Diubah di tempat lain' WHERE id = ?")) {
            update.setLong(1, id);
            update.executeUpdate();
        }
        long deadline = System.nanoTime() + 5_000_000_000L;
        String title;
        do {
            title = day(day).extract().path("items[0].title");
        } while (!"Diubah di tempat lain".equals(title) && System.nanoTime() < deadline && pause());
        assertTrue("Diubah di tempat lain".equals(title), "the page was dropped on NOTIFY, got " + title);
    }

    @Test
    void aPageIsKeptOnlyUntilRegistrationCloses() throws Exception {
        Instant day = EventFixtures.uniqueDay();
        Map<String, Object> body = EventFixtures.body(day);
        Instant closes = Instant.now().plusSeconds(4);
        body.put("registrationClosesAt", closes.toString());
        long id = EventFixtures.published(staff, body);
        day(day).body("items.id", contains((int) id));
        assumeTrue(Instant.now().isBefore(closes.minusMillis(500)), "the machine was too slow to read before closing");
        day(day).body("items[0].registrationOpen", equalTo(true));
        Thread.sleep(Math.max(0, closes.toEpochMilli() - System.currentTimeMillis()) + 300);
        day(day).body("items[0].registrationOpen", equalTo(false)); // no write happened: the page expired
    }

    @Test
    void onlyAStatementThatChangedAnEventAnnouncesIt() throws Exception {
        long id = EventFixtures.published(staff, EventFixtures.body(EventFixtures.uniqueDay()));
        try (Connection listener = db.getConnection(); Connection writer = db.getConnection()) {
            PGConnection pg = listener.unwrap(PGConnection.class);
            try (Statement listen = listener.createStatement()) {
                listen.execute("LISTEN " + CataloguePages.CHANNEL);
            }
            pg.getNotifications(200); // anything announced before
            try (PreparedStatement none = writer.prepareStatement(
                    "UPDATE event SET title = 'tidak ada' WHERE id = ? AND status = 'CANCELLED'")) {
                none.setLong(1, id);
                assertEquals(0, none.executeUpdate());
            }
            PGNotification[] quiet = pg.getNotifications(300);
            assertEquals(0, quiet == null ? 0 : quiet.length, "a statement that changed no event announces nothing");
            try (PreparedStatement one = writer.prepareStatement("UPDATE event SET title = 'Diubah' WHERE id = ?")) {
                one.setLong(1, id);
                assertEquals(1, one.executeUpdate());
            }
            PGNotification[] heard = pg.getNotifications(5000);
            assertTrue(heard != null && heard.length >= 1, "a changed event is announced");
            try (Statement unlisten = listener.createStatement()) {
                unlisten.execute("UNLISTEN *");
            }
        }
    }

    private static boolean pause() {
        try {
            Thread.sleep(20);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
