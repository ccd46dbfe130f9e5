package id.serambi.event.registration;

import static id.serambi.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.serambi.event.EventFixtures;
import id.serambi.support.Accounts;
import id.serambi.support.ManageLinks;
import id.serambi.support.Staff;
import io.quarkus.test.junit.QuarkusTest;
import java.io.StringReader;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/**
 * A cancelled registration offers nothing to keep: its calendar file cancels the event, and there is no WhatsApp
 * confirmation. The check-in QR code is only for events held in person.
 */
@QuarkusTest
class CancelledRegistrationTest {

    private static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    private static String property(Component c, String name) {
        return c.getProperty(name).map(Property::getValue).orElse(null);
    }

    private static String property(Calendar c, String name) {
        return c.getProperty(name).map(Property::getValue).orElse(null);
    }

    private static String calendarOf(String token) {
        return given().get("/api/registrations/" + token + "/calendar.ics").then().statusCode(200)
                .contentType(startsWith("text/calendar")).extract().asString();
    }

    @Test
    void aCancelledRegistrationsCalendarFileCancelsTheEvent() throws Exception {
        long id = EventFixtures.published(Staff.token(), EventFixtures.body(EventFixtures.uniqueDay()));
        var registered = ManageLinks.register(id,
                Map.of("name", "Siti Rahmah", "email", Accounts.uniqueEmail("batal-ics"), "whatsapp", "+6281234567890"));
        String token = registered.getString("manageToken");
        given().get("/api/registrations/" + token).then().statusCode(200)
                .body("whatsappConfirmationUrl", startsWith("https://wa.me/"));

        Calendar before = parse(calendarOf(token));
        VEvent confirmed = (VEvent) before.getComponent(Component.VEVENT).orElseThrow();
        assertEquals("PUBLISH", property(before, "METHOD"));
        assertEquals("CONFIRMED", property(confirmed, "STATUS"));

        given().delete("/api/registrations/" + token).then().statusCode(200).body("status", equalTo("CANCELLED"))
                .body("whatsappConfirmationUrl", nullValue()).body("joinUrl", nullValue()).body("qrCodeUrl", nullValue());

        String ics = calendarOf(token);
        Calendar after = parse(ics);
        VEvent cancelled = (VEvent) after.getComponent(Component.VEVENT).orElseThrow();
        assertEquals("CANCEL", property(after, "METHOD"));
        assertEquals("CANCELLED", property(cancelled, "STATUS"));
        assertTrue(!ics.contains("CONFIRMED"), ics);
        // The same event to a calendar: the same UID, a higher SEQUENCE, so it replaces the imported one.
        assertEquals(property(confirmed, "UID"), property(cancelled, "UID"));
        assertTrue(Integer.parseInt(property(cancelled, "SEQUENCE")) > Integer.parseInt(property(confirmed, "SEQUENCE")));
        assertTrue(!ics.contains("zoom.us"), "no join link in a cancelled registration's file");
    }

    @Test
    void anOnlineEventHasNoCheckinCode() {
        String staff = Staff.token();
        long online = EventFixtures.published(staff, EventFixtures.body(EventFixtures.uniqueDay()));
        String token = ManageLinks.register(online, Map.of("name", "Ahmad", "email", Accounts.uniqueEmail("daring")))
                .getString("manageToken");
        given().get("/api/registrations/" + token).then().statusCode(200)
                .body("status", equalTo("CONFIRMED")).body("qrCodeUrl", nullValue());
        assertProblem(given().get("/api/registrations/" + token + "/qr.png").then(), 409, "online-event");

        Map<String, Object> body = EventFixtures.body(EventFixtures.uniqueDay());
        body.put("platform", "IN_PERSON");
        body.put("joinUrl", "https://maps.app.goo.gl/perpustakaan-banjarbaru");
        long inPerson = EventFixtures.published(staff, body);
        String here = ManageLinks.register(inPerson, Map.of("name", "Ahmad", "email", Accounts.uniqueEmail("luring")))
                .getString("manageToken");
        given().get("/api/registrations/" + here).then().statusCode(200)
                .body("qrCodeUrl", equalTo("/api/registrations/" + here + "/qr.png"))
                .body("event.platform", equalTo("IN_PERSON"));
        given().get("/api/registrations/" + here + "/qr.png").then().statusCode(200).contentType("image/png");
    }
}
