package id.serambi.common;

import static id.serambi.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.serambi.campaign.CampaignFixtures;
import id.serambi.event.EventFixtures;
import id.serambi.support.Staff;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: one timestamp format in every answer (RFC 3339, UTC, exactly three fraction digits), whatever precision
 * the client sent or the database keeps; and a date or time RFC 3339 cannot write (year 0 or 10000 and beyond, or a
 * number read as 1.7 billion days) is a 400 naming the field, not stored to be written back unreadable.
 */
@QuarkusTest
class TimestampFormatTest {

    private static final Pattern ONE_FORMAT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");

    @Test
    void everyTimestampComesBackInTheOneFormat() {
        String staff = Staff.token();
        Instant start = EventFixtures.uniqueDay().plusNanos(123_456_789);
        Map<String, Object> body = new HashMap<>(EventFixtures.body(start));
        body.put("startsAt", "2031-01-02T09:30:00.123456789+08:00");
        body.put("endsAt", "2031-01-02T11:00:00+08:00");
        JsonPath created = given().auth().oauth2(staff).contentType(ContentType.JSON).body(body)
                .post("/api/events").then().statusCode(201).extract().jsonPath();
        assertEquals("2031-01-02T01:30:00.123Z", created.getString("startsAt"));
        assertEquals("2031-01-02T03:00:00.000Z", created.getString("endsAt"));
        for (String field : List.of("createdAt", "updatedAt")) {
            String value = created.getString(field);
            if (value != null) {
                assertTrue(ONE_FORMAT.matcher(value).matches(), field + " = " + value);
            }
        }
    }

    @Test
    void datesOutsideWhatRfc3339CanWriteAre400NamingTheField() {
        String staff = Staff.token();
        for (Object endsOn : List.of("+4475534-03-06", 1_700_000_000, "10000-01-01")) {
            Map<String, Object> campaign = new HashMap<>(CampaignFixtures.campaign("Kampanye tanggal aneh"));
            campaign.put("endsOn", endsOn);
            assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).body(campaign)
                    .post("/api/campaigns").then(), 400, "validation")
                    .body("errors.field", org.hamcrest.Matchers.hasItem("endsOn"));
        }
        // (Instants out of range are refused by each feature, every field at once: EventResourceTest.)
    }
}
