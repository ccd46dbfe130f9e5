package id.serambi.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import id.serambi.common.SerambiConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 7 point 6: after seeding members with e-mails, birth years and WhatsApp numbers, events with join URLs, Q&amp;A
 * and leaderboards, no public endpoint (every anonymous GET of the OpenAPI document, the event streams read for a
 * while, the calendar feeds) returns an e-mail address, a phone number, a birth year or a join URL.
 */
@QuarkusTest
class PublicPrivacyTest {

    /**
     * Public by capability: the registrant's own page, opened by the secret token (AuthorizationMatrixTest checks it),
     * and a web asker's own conversation with a librarian, opened by its conversation token (AssistantHandOverTest).
     */
    private static final Set<String> OWN_DATA_BY_TOKEN = Set.of("GET /api/registrations/{token}",
            "GET /api/registrations/{token}/calendar.ics", "GET /api/registrations/{token}/qr.png",
            "GET /api/registrations/{token}/export", "GET /api/registrations/{token}/feedback",
            "GET /api/assistant/conversations/{token}", "GET /api/assistant/conversations/{token}/stream");

    /**
     * Public operations that hold no data at all: Meta's webhook handshake only echoes the challenge Meta sent, and only
     * with the verify token (MetaWebhookTest covers it); without its parameters it is a 400.
     */
    private static final Set<String> NO_DATA = Set.of("GET /api/webhooks/meta", "GET /api/webhooks/whatsapp");

    /** JSON fields that carry personal data or secrets: none may hold a value in a public answer. */
    private static final Set<String> PERSONAL_FIELDS = Set.of("email", "guardianEmail", "whatsapp", "phone",
            "birthYear", "age", "ageGroup", "joinUrl", "manageToken", "checkInCode", "password", "passwordHash");

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    /** An iCalendar UID such as event-12@serambi.id: the event's identifier, shaped like an address by RFC 5545. */
    private static final Pattern CALENDAR_UID = Pattern.compile("event-[0-9]+@[A-Za-z0-9.-]+");
    private static final Pattern MOBILE = Pattern.compile("(?:\\+62|(?<![0-9])62|(?<![0-9])0)[\\s.-]?8[0-9](?:[\\s.-]?[0-9]){7,10}");
    private static final Pattern MEETING_LINK = Pattern.compile("zoom\\.us/j/|meet\\.google\\.com/|/join/");

    /** Query values that widen what an operation shows (all dates, the largest page, a school's board). */
    private static final Map<String, String> WIDE_QUERY = Map.of("from", "2001-01-01", "to", "2100-12-31",
            "size", "100", "limit", "100", "school", "SMP Negeri 1 Banjarbaru", "language", "id");

    @Inject
    AgroalDataSource db;

    @Inject
    SerambiConfig config;

    @Test
    void noPublicEndpointShowsPersonalData() throws IOException {
        World world = World.seed(db);
        given().auth().oauth2(world.token("STAFF")).contentType(ContentType.JSON)
                .body(Map.of("answer", "Ada, lewat iPusnas. Hubungi kami di perpustakaan."))
                .post("/api/events/" + world.eventId + "/questions/" + world.questionId + "/answer").then().statusCode(200);
        List<String> secrets = new ArrayList<>(world.emails.values());
        secrets.addAll(List.of(world.joinUrl, world.otherJoinUrl, world.seriesJoinUrl, world.manageTokenA,
                world.manageTokenB));
        // Issue 18: a minor's messages are shown nowhere outside the inbox.
        id.serambi.support.Accounts.sql(db, "UPDATE conversation_thread SET minor = true WHERE id = ?", world.conversationId);
        secrets.add("Halo, perpustakaan buka jam berapa?");
        // Issue 22: partners are in nothing public, and their contact (a person's) least of all.
        secrets.addAll(List.of(world.partnerContact, "Mitra Baca " + world.tag, "Catatan staf " + world.tag,
                "Poster " + world.tag));
        List<Pattern> phones = List.of(digitsPattern(world.whatsappA), digitsPattern(world.whatsappB));
        // A whole word before the year: "Bumi Manusia 11…" URL-encoded ("Manusia%2011…") is a title, not a birth year.
        Pattern birthYears = Pattern.compile("(?i)\\b(birth|lahir|born|umur|usia|age)\\W{0,20}("
                + World.BIRTH_YEAR_A + "|" + World.BIRTH_YEAR_B + ")");

        Map<String, String> answers = new LinkedHashMap<>();
        int operations = 0;
        for (ApiDocument.Op op : ApiDocument.load().operations) {
            if (!op.isPublic() || !op.method().equals("GET") || OWN_DATA_BY_TOKEN.contains(op.name())
                    || NO_DATA.contains(op.name())) {
                continue;
            }
            operations++;
            String path = world.realPath(op.path());
            StringBuilder wide = new StringBuilder();
            for (JsonNode param : op.parameters("query")) {
                String value = WIDE_QUERY.get(param.path("name").asText());
                if (value != null) {
                    wide.append(wide.isEmpty() ? "?" : "&").append(param.path("name").asText()).append('=')
                            .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
                }
            }
            for (String target : wide.isEmpty() ? List.of(path) : List.of(path, path + wide)) {
                for (String who : new String[] { null, "MEMBER_B" }) {
                    Probe.Answer answer = Probe.send("GET", target, who == null ? null : world.token(who), null, null,
                            Map.of("Accept", "*/*"), op.isStream() ? 1500 : 0);
                    assertEquals(200, answer.status(), op.name() + " " + target + ": " + answer.shortBody());
                    answers.put(op.name() + " " + target + (who == null ? "" : " as " + who), answer.body());
                }
            }
        }

        List<String> leaks = new ArrayList<>();
        int bytes = 0;
        for (var entry : answers.entrySet()) {
            String where = entry.getKey();
            // Calendar files fold long lines (RFC 5545 3.1): unfold them so nothing hides across a fold.
            String body = entry.getValue().replace("\r\n ", "").replace("\r\n\t", "");
            bytes += body.length();
            if (where.contains("/stream") && !body.contains("data:")) {
                leaks.add(where + ": the stream sent no data in 1.5 s, so it was not scanned");
            }
            for (String secret : secrets) {
                if (body.toLowerCase().contains(secret.toLowerCase())) {
                    leaks.add(where + " shows " + secret);
                }
            }
            Matcher email = EMAIL.matcher(body);
            while (email.find()) {
                if (!email.group().equalsIgnoreCase(config.library().email()) && !CALENDAR_UID.matcher(email.group()).matches()) {
                    leaks.add(where + " shows the e-mail address " + email.group());
                }
            }
            for (Pattern phone : phones) {
                if (phone.matcher(body).find()) {
                    leaks.add(where + " shows a seeded WhatsApp number");
                }
            }
            find(leaks, where, body, MOBILE, "a mobile number");
            find(leaks, where, body, MEETING_LINK, "a meeting link");
            find(leaks, where, body, birthYears, "a birth year");
            for (JsonNode json : jsonDocuments(body)) {
                personalFields(leaks, where, json, "");
            }
        }
        System.out.printf("[privacy] %d public GET operations, %d answers, %d KB scanned%n", operations, answers.size(),
                bytes / 1024);
        assertTrue(operations >= 10 && bytes > 5000, "the scan read too little to mean anything");
        assertEquals(List.of(), leaks);
    }

    private static void find(List<String> leaks, String where, String body, Pattern pattern, String what) {
        Matcher m = pattern.matcher(body);
        if (m.find()) {
            leaks.add(where + " shows " + what + ": " + m.group());
        }
    }

    /** The seeded number's digits (without the country or trunk prefix), with any separators between them. */
    private static Pattern digitsPattern(String number) {
        String digits = number.replaceAll("[^0-9]", "").replaceFirst("^(62|0)", "");
        StringBuilder regex = new StringBuilder();
        for (char c : digits.toCharArray()) {
            regex.append(regex.isEmpty() ? "" : "[\\s.-]?").append(c);
        }
        return Pattern.compile(regex.toString());
    }

    /** The body as JSON, or each data line of an event stream; nothing for other media. */
    private static List<JsonNode> jsonDocuments(String body) {
        List<JsonNode> documents = new ArrayList<>();
        List<String> candidates = new ArrayList<>();
        if (body.startsWith("{") || body.startsWith("[")) {
            candidates.add(body);
        }
        for (String line : body.split("\n")) {
            if (line.startsWith("data:")) {
                candidates.add(line.substring(5).strip());
            }
        }
        for (String candidate : candidates) {
            try {
                documents.add(ApiDocument.JSON.readTree(candidate));
            } catch (IOException e) {
                // not JSON: the regular expressions above still read it
            }
        }
        return documents;
    }

    private static void personalFields(List<String> leaks, String where, JsonNode node, String path) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                personalFields(leaks, where, node.get(i), path + "[" + i + "]");
            }
        } else if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (PERSONAL_FIELDS.contains(field.getKey()) && !field.getValue().isNull()) {
                    leaks.add(where + " has the field " + path + field.getKey() + " = " + field.getValue());
                }
                personalFields(leaks, where, field.getValue(), path + field.getKey() + ".");
            });
        }
    }
}
