package id.serambi.event.catalogue;

import static id.serambi.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.startsWith;

import id.serambi.event.EventFixtures;
import id.serambi.support.Accounts;
import id.serambi.support.Wita;
import id.serambi.support.Staff;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The public catalogue: what anyone may see, filtered and paged. */
@QuarkusTest
class EventCatalogueTest {

    @Inject
    AgroalDataSource db;

    String staff;

    @BeforeEach
    void staff() {
        staff = Staff.token();
    }

    private long at(Instant start, String type, String audience, String language) {
        Map<String, Object> body = EventFixtures.body(start);
        body.put("type", type);
        body.put("audience", audience);
        body.put("language", language);
        return EventFixtures.published(staff, body);
    }

    @Test
    void onlyPublishedEventsAppearSoonestFirstAndFiltersApply() {
        Instant day = EventFixtures.uniqueDay();
        long later = at(day.plusSeconds(7200), "SEMINAR", "ADULTS", "id");
        long first = at(day, "BOOK_DISCUSSION", "ALL", "id");
        long teens = at(day.plusSeconds(3600), "BOOK_CLUB", "TEENS", "en");
        long sameStart = at(day.plusSeconds(7200), "WORKSHOP", "CHILDREN", "id");
        EventFixtures.create(staff, EventFixtures.body(day.plusSeconds(60)));
        long cancelled = at(day.plusSeconds(120), "SEMINAR", "ALL", "id");
        given().auth().oauth2(staff).post("/api/events/" + cancelled + "/cancel").then().statusCode(200);
        String from = day.toString();
        String to = day.plusSeconds(86400).toString();

        given().queryParam("from", from).queryParam("to", to).get("/api/events").then().statusCode(200)
                .body("total", equalTo(4))
                .body("page", equalTo(0))
                .body("size", equalTo(20))
                .body("items.id", contains((int) first, (int) teens, (int) later, (int) sameStart))
                .body("items[0]", not(hasKey("joinUrl")))
                .body("items[0].url", startsWith("https://serambi.test/acara/"))
                .body("items[0].whatsappShareUrl", startsWith("https://wa.me/?text="))
                .body("items[0].seatsLeft", equalTo(50))
                .body("items[0].registrationOpen", equalTo(true));

        given().queryParam("from", from).queryParam("to", to).queryParam("type", "seminar").get("/api/events").then()
                .statusCode(200).body("items.id", contains((int) later));
        // An event for everyone is also for teens.
        given().queryParam("from", from).queryParam("to", to).queryParam("audience", "TEENS").get("/api/events").then()
                .statusCode(200).body("items.id", contains((int) first, (int) teens));
        given().queryParam("from", from).queryParam("to", to).queryParam("language", "en").get("/api/events").then()
                .statusCode(200).body("items.id", contains((int) teens));
        given().queryParam("from", day.plusSeconds(3600).toString()).queryParam("to", day.plusSeconds(7199).toString())
                .get("/api/events").then().statusCode(200).body("items.id", contains((int) teens));
        given().queryParam("from", from).queryParam("to", to).queryParam("size", 2).queryParam("page", 1)
                .get("/api/events").then().statusCode(200)
                .body("items.id", contains((int) later, (int) sameStart)).body("total", equalTo(4));
    }

    @Test
    void pageSizeIsClampedAndBadFiltersAre400() {
        given().queryParam("size", 500).get("/api/events").then().statusCode(200).body("size", equalTo(100));
        given().queryParam("size", 0).queryParam("page", -3).get("/api/events").then().statusCode(200)
                .body("size", equalTo(1)).body("page", equalTo(0));
        assertProblem(given().queryParam("type", "KONSER").get("/api/events").then(), 400, "validation")
                .body("errors[0].field", equalTo("type"));
        assertProblem(given().queryParam("from", "kemarin").queryParam("audience", "BAYI").get("/api/events").then(),
                400, "validation").body("errors", hasSize(2));
    }

    /** Issue 16: a page, size or enum filter that does not convert is a 400 naming it, on every event list. */
    @Test
    void unconvertibleQueryParametersOfEveryEventListAre400NamingThem() {
        long id = EventFixtures.create(staff, EventFixtures.body(EventFixtures.uniqueDay()));
        for (String list : List.of("/api/events", "/api/events/manage", "/api/events/" + id + "/registrations")) {
            for (String name : List.of("page", "size")) {
                for (String value : List.of("abc", "1.5", "99999999999")) {
                    assertProblem(given().auth().oauth2(staff).queryParam(name, value).get(list).then(), 400, "validation")
                            .body("errors[0].field", equalTo(name));
                }
            }
        }
        assertProblem(given().auth().oauth2(staff).queryParam("status", "HILANG").get("/api/events/manage").then(), 400,
                "validation").body("errors[0].field", equalTo("status"));
        assertProblem(given().auth().oauth2(staff).queryParam("status", "HILANG")
                .get("/api/events/" + id + "/registrations").then(), 400, "validation")
                .body("errors[0].field", equalTo("status"));
        assertProblem(given().auth().oauth2(staff).queryParam("status", "HILANG")
                .get("/api/events/" + id + "/questions/manage").then(), 400, "validation")
                .body("errors[0].field", equalTo("status"));
    }

    @Test
    void datesAreDaysInTheLibraryZone() {
        // 2 a.m. WITA on a day is still the previous day in UTC: the day filter follows WITA.
        Instant day = EventFixtures.uniqueDay();
        Instant earlyWita = day.plusSeconds(18 * 3600); // 18:00 UTC = 02:00 WITA the next day
        long id = at(earlyWita, "SEMINAR", "ALL", "id");
        String witaDate = earlyWita.atZone(Wita.ZONE).toLocalDate().toString();
        given().queryParam("from", witaDate).queryParam("to", witaDate).get("/api/events").then().statusCode(200)
                .body("items.id", contains((int) id));
    }

    @Test
    void draftsAreHiddenFromThePublicButNotFromStaff() {
        long draft = EventFixtures.create(staff, EventFixtures.body(EventFixtures.uniqueDay()));
        assertProblem(given().get("/api/events/" + draft).then(), 404, "not-found");
        assertProblem(given().auth().oauth2(Accounts.tokenFor(db, "MEMBER")).get("/api/events/" + draft).then(), 404,
                "not-found");
        given().auth().oauth2(staff).get("/api/events/" + draft).then().statusCode(200)
                .body("status", equalTo("DRAFT")).body("$", not(hasKey("joinUrl")));
        assertProblem(given().get("/api/events/" + draft + "/calendar.ics").then(), 404, "not-found");
        assertProblem(given().get("/api/events/999999999").then(), 404, "not-found");
        assertProblem(given().get("/api/events/bukan-angka").then(), 404, "not-found");
    }
}
