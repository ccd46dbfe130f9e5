package id.serambi.event.catalogue;

import static id.serambi.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.serambi.event.EventFixtures;
import id.serambi.support.Accounts;
import id.serambi.support.Staff;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** iCalendar files parse back, are in UTC, carry an alarm, and keep the join URL for confirmed registrants. */
@QuarkusTest
class EventCalendarTest {

    @Inject
    AgroalDataSource db;

    String staff;

    @BeforeEach
    void staff() {
        staff = Staff.token();
    }

    static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    static String value(Component component, String property) {
        return component.getProperty(property).map(Property::getValue).orElse(null);
    }

    @Test
    void anEventsIcsParsesBackWithUtcTimesAndAnAlarm() throws Exception {
        Instant start = EventFixtures.uniqueDay().plusSeconds(11 * 3600);
        Map<String, Object> body = EventFixtures.body(start);
        long id = EventFixtures.published(staff, body);
        String ics = given().get("/api/events/" + id + "/calendar.ics").then().statusCode(200)
                .contentType(startsWith("text/calendar")).extract().asString();
        assertFalse(ics.contains("TZID"), ics);
        // RFC 5545: CRLF line ends, lines folded at 75 octets.
        assertTrue(ics.contains("\r\n"));
        for (String line : ics.split("\r\n")) {
            assertTrue(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 75, line);
        }
        Calendar calendar = parse(ics);
        calendar.validate();
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertEquals(1, events.size());
        VEvent event = events.get(0);
        String dtstart = value(event, Property.DTSTART);
        assertTrue(dtstart.endsWith("Z"), dtstart);
        assertEquals("mailto:perpustakaan@serambi.local", value(event, Property.ORGANIZER));
        assertTrue(ics.replace("\r\n ", "").contains("ORGANIZER;CN=Perpustakaan Kota Banjarbaru:mailto:"), ics);
        assertEquals(start.toString().replace("-", "").replace(":", ""), dtstart);
        assertEquals("event-" + id + "@serambi.test", value(event, Property.UID));
        assertEquals("https://serambi.test/acara/" + id, value(event, Property.URL));
        assertEquals(body.get("title"), value(event, Property.SUMMARY));
        assertEquals(1, event.getAlarms().size());
        assertEquals("-PT1H", value(event.getAlarms().get(0), Property.TRIGGER));
        assertFalse(ics.contains((String) body.get("joinUrl")));
    }

    @Test
    void theFeedListsPublishedEventsOnlyAndTheRegistrantsFileHasTheJoinUrl() throws Exception {
        Instant start = EventFixtures.uniqueDay();
        Map<String, Object> body = EventFixtures.body(start);
        body.put("capacity", 1);
        long published = EventFixtures.published(staff, body);
        long draft = EventFixtures.create(staff, EventFixtures.body(start));
        Calendar feed = parse(given().get("/api/calendar.ics").then().statusCode(200)
                .contentType(startsWith("text/calendar")).extract().asString());
        List<String> uids = feed.<VEvent>getComponents(Component.VEVENT).stream().map(e -> value(e, Property.UID)).toList();
        assertTrue(uids.contains("event-" + published + "@serambi.test"), uids.toString());
        assertFalse(uids.contains("event-" + draft + "@serambi.test"), uids.toString());
        assertTrue(feed.<VEvent>getComponents(Component.VEVENT).stream().allMatch(e -> e.getAlarms().size() == 1));

        JsonPath confirmed = EventFixtures.register(published, "Bagus", Accounts.uniqueEmail("bagus"));
        String own = given().get("/api/registrations/" + confirmed.getString("manageToken") + "/calendar.ics").then()
                .statusCode(200).extract().asString();
        VEvent event = parse(own).<VEvent>getComponents(Component.VEVENT).get(0);
        assertEquals(body.get("joinUrl"), value(event, Property.LOCATION));
        assertProblem(given().get("/api/registrations/" + "B".repeat(43) + "/calendar.ics").then(), 404, "not-found");
    }
}
