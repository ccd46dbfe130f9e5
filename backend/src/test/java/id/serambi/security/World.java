package id.serambi.security;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import id.serambi.challenge.ChallengeFixtures;
import id.serambi.event.EventFixtures;
import id.serambi.support.Accounts;
import io.agroal.api.AgroalDataSource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A small library seeded through the real API, with personal data that must never leak: two teen members with
 * e-mails and birth years, registrants with WhatsApp numbers, an event with a join URL, Q&amp;A, a challenge with logs
 * and codes, a campaign with a post. The security tests take their path parameters from it.
 */
final class World {

    static final ZoneId WITA = id.serambi.support.Wita.ZONE;
    static final int BIRTH_YEAR_A = 2011;
    static final int BIRTH_YEAR_B = 2009;

    final String tag = UUID.randomUUID().toString().substring(0, 6);
    final Map<String, String> tokens = new HashMap<>();
    final Map<String, Long> userIds = new HashMap<>();
    final Map<String, String> emails = new HashMap<>();

    long eventId;
    long otherEventId;
    long seriesId;
    long registrationA;
    long registrationB;
    String manageTokenA;
    String manageTokenB;
    String whatsappA;
    String whatsappB;
    String joinUrl;
    String otherJoinUrl;
    String seriesJoinUrl;
    long questionId;
    long challengeId;
    long logA;
    long logB;
    String nicknameA;
    String nicknameB;
    long campaignId;
    long postId;
    long throwawayUserId;
    long conversationId;
    long savedReplyId;
    /** Issue 19: an FAQ entry of the knowledge base. */
    long faqEntryId;
    long surveyId;
    /** Issue 22: a partner (with a contact only staff may see) and its link to the event. */
    long partnerId;
    long partnerLinkId;
    String partnerContact;

    /** Builds the world; call once per test class. */
    static World seed(AgroalDataSource db) {
        World w = new World();
        for (String role : List.of("ADMIN", "STAFF", "REVIEWER", "MEMBER")) {
            w.account(db, role, role, 1990);
        }
        w.account(db, "STAFF_B", "STAFF", 1991);
        w.account(db, "MEMBER_A", "MEMBER", BIRTH_YEAR_A);
        w.account(db, "MEMBER_B", "MEMBER", BIRTH_YEAR_B);
        w.throwawayUserId = Accounts.register(Accounts.uniqueEmail("sekali-pakai"));
        w.events();
        w.challenge();
        w.campaign();
        w.conversation(db);
        w.partner();
        return w;
    }

    String token(String who) {
        return tokens.get(who);
    }

    private void account(AgroalDataSource db, String who, String role, int birthYear) {
        String email = Accounts.uniqueEmail(who.toLowerCase().replace('_', '-'));
        given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", Accounts.PASSWORD, "displayName", "Warga " + who.replace('_', ' '),
                        "birthYear", birthYear))
                .post("/api/auth/register").then().statusCode(202);
        long id = Accounts.idOf(email);
        Accounts.sql(db, "UPDATE app_user SET role = ? WHERE id = ?", role, id);
        tokens.put(who, Accounts.login(email, Accounts.PASSWORD));
        userIds.put(who, id);
        emails.put(who, email);
    }

    static Instant start() {
        return Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
    }

    static LocalDate today() {
        return LocalDate.now(WITA);
    }

    static Map<String, Object> eventBody(String title, String joinUrl) {
        Map<String, Object> body = EventFixtures.body(start());
        body.put("title", title);
        body.put("joinUrl", joinUrl);
        return body;
    }

    private long publishedEvent(String title, String url) {
        String staff = token("STAFF");
        long id = given().auth().oauth2(staff).contentType(ContentType.JSON).body(eventBody(title, url))
                .post("/api/events").then().statusCode(201).extract().jsonPath().getLong("id");
        given().auth().oauth2(staff).post("/api/events/" + id + "/publish").then().statusCode(200);
        return id;
    }

    private JsonPath register(long event, String name, String email, String whatsapp) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "email", email, "ageGroup", "TEEN"));
        if (whatsapp != null) {
            body.put("whatsapp", whatsapp);
        }
        return id.serambi.support.ManageLinks.register(event, body);
    }

    private void events() {
        joinUrl = "https://zoom.us/j/9" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        otherJoinUrl = "https://meet.google.com/rhs-" + tag + "-pqx";
        eventId = publishedEvent("Diskusi Buku: Laskar Pelangi " + tag, joinUrl);
        otherEventId = publishedEvent("Bedah Buku: Bumi Manusia " + tag, otherJoinUrl);
        whatsappA = "+62 812-" + (3000 + (int) (Math.random() * 6000)) + "-" + (1000 + (int) (Math.random() * 8000));
        whatsappB = "0813" + (10000000 + (int) (Math.random() * 80000000));
        JsonPath a = register(eventId, "Siti Nurhaliza", emails.get("MEMBER_A"), whatsappA);
        JsonPath b = register(eventId, "Budi Santoso", emails.get("MEMBER_B"), whatsappB);
        registrationA = a.getLong("id");
        manageTokenA = a.getString("manageToken");
        registrationB = b.getLong("id");
        manageTokenB = b.getString("manageToken");
        register(otherEventId, "Dewi Lestari", emails.get("MEMBER_A"), whatsappA);
        Map<String, Object> ask = Map.of("manageToken", manageTokenA,
                "text", "Apakah ada koleksi e-book untuk pelajar SMA?", "displayName", "Siti");
        questionId = given().contentType(ContentType.JSON).body(ask).post("/api/events/" + eventId + "/questions")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        given().auth().oauth2(token("STAFF")).post("/api/events/" + eventId + "/questions/" + questionId + "/approve")
                .then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("manageToken", manageTokenB, "text", "Jam berapa mulai?"))
                .post("/api/events/" + eventId + "/questions").then().statusCode(201);
        Map<String, Object> series = new HashMap<>();
        series.put("title", "Klub Buku Remaja " + tag);
        series.put("occurrences", 2);
        series.put("publish", true);
        seriesJoinUrl = "https://zoom.us/j/7" + Math.abs(tag.hashCode());
        series.put("first", eventBody("Klub Buku Remaja " + tag, seriesJoinUrl));
        seriesId = given().auth().oauth2(token("STAFF")).contentType(ContentType.JSON).body(series)
                .post("/api/event-series").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private void challenge() {
        String staff = token("STAFF");
        Map<String, Object> body = ChallengeFixtures.body();
        body.put("title", "Pekan Literasi Banjarbaru " + tag);
        challengeId = given().auth().oauth2(staff).contentType(ContentType.JSON).body(body)
                .post("/api/challenges").then().statusCode(201).extract().jsonPath().getLong("id");
        given().auth().oauth2(staff).post("/api/challenges/" + challengeId + "/publish").then().statusCode(200);
        nicknameA = "KutuBuku" + tag;
        nicknameB = "Bintang" + tag;
        join(token("MEMBER_A"), nicknameA, "SMP Negeri 1 Banjarbaru");
        join(token("MEMBER_B"), nicknameB, "SMA Negeri 2 Banjarbaru");
        join(token("MEMBER"), "Pembaca" + tag, null);
        logA = log(token("MEMBER_A"), "Laskar Pelangi", 120);
        logB = log(token("MEMBER_B"), "Cantik Itu Luka " + tag, 200);
        given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("code", "DISKUSI-" + tag.toUpperCase(), "points", 25))
                .post("/api/challenges/" + challengeId + "/codes").then().statusCode(201);
    }

    private void join(String token, String nickname, String school) {
        Map<String, Object> join = new HashMap<>(Map.of("nickname", nickname));
        if (school != null) {
            join.put("school", school);
        }
        given().auth().oauth2(token).contentType(ContentType.JSON).body(join)
                .post("/api/challenges/" + challengeId + "/participants").then().statusCode(201);
    }

    private long log(String token, String title, int pages) {
        Map<String, Object> log = new HashMap<>(Map.of("title", title, "author", "Andrea Hirata", "pages", pages,
                "readOn", today().toString(), "review", "Ceritanya menyentuh.", "shareReview", true));
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(log)
                .post("/api/challenges/" + challengeId + "/logs").then().statusCode(201)
                .extract().jsonPath().getLong("log.id");
    }

    /** A file of the media library (issue 15: the seeded post's Instagram variant needs an image). */
    long mediaId() {
        return id.serambi.support.Media.squareJpeg();
    }

    private void campaign() {
        String staff = token("STAFF");
        Map<String, Object> campaign = Map.of("title", "Waspada Hoaks " + tag, "goal", "Remaja memeriksa informasi",
                "theme", "CYBER_SAFETY", "startsOn", today().toString(), "endsOn", today().plusDays(30).toString(),
                "platforms", List.of("INSTAGRAM", "X"));
        campaignId = given().auth().oauth2(staff).contentType(ContentType.JSON).body(campaign)
                .post("/api/campaigns").then().statusCode(201).extract().jsonPath().getLong("id");
        Map<String, Object> post = Map.of("contentType", "EDUCATIONAL_TIP", "body", "Cek sumber sebelum berbagi.",
                "campaignId", campaignId, "eventId", eventId, "mediaIds", List.of(mediaId()),
                "variants", List.of(Map.of("platform", "INSTAGRAM", "text", "Waspada hoaks! Cek dulu sebelum berbagi."),
                        Map.of("platform", "X", "text", "Cek dulu sebelum berbagi.")));
        postId = given().auth().oauth2(staff).contentType(ContentType.JSON).body(post)
                .post("/api/posts").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** An inbox thread with one message (as a platform delivered it) and a saved reply (issue 18). */
    private void conversation(AgroalDataSource db) {
        String key = "world-" + tag;
        Accounts.sql(db, "INSERT INTO conversation_thread (channel, kind, thread_key, account_id, contact_id, contact_name, "
                + "last_message_at) VALUES ('WEB', 'DIRECT', ?, 'library', ?, 'Rani', now())", key, key);
        conversationId = Accounts.count(db, "SELECT id FROM conversation_thread WHERE channel = 'WEB' AND thread_key = ?", key);
        Accounts.sql(db, "INSERT INTO conversation_message (thread_id, channel, direction, external_id, sender_id, body, sent_at) "
                + "VALUES (?, 'WEB', 'IN', ?, ?, 'Halo, perpustakaan buka jam berapa?', now())", conversationId, key, key);
        savedReplyId = given().auth().oauth2(token("STAFF")).contentType(ContentType.JSON)
                .body(Map.of("title", "Jam buka " + tag, "bodyId", "Halo {nama}, kami buka pukul 08.00.",
                        "bodyEn", "Hi {nama}, we open at 8 am."))
                .post("/api/conversations/saved-replies").then().statusCode(201).extract().jsonPath().getLong("id");
        faqEntryId = given().auth().oauth2(token("STAFF")).contentType(ContentType.JSON)
                .body(Map.of("key", "dunia-" + tag.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", ""),
                        "questionId", "Jam berapa perpustakaan buka?", "questionEn", "When is the library open?",
                        "alternatives", List.of(), "answerId", "Perpustakaan buka {jam_buka}.",
                        "answerEn", "The library is open {jam_buka}.", "links", List.of(), "tags", List.of("jam"), "active", false))
                .post("/api/faq").then().statusCode(201).extract().jsonPath().getLong("id");
        surveyId = id.serambi.survey.SurveyFixtures.create(token("STAFF"), id.serambi.survey.SurveyFixtures.survey("Survei " + tag));
        // Published, so that its public form (GET /api/surveys/{id}/form) answers and is scanned like every public read.
        given().auth().oauth2(token("STAFF")).post("/api/surveys/" + surveyId + "/publish").then().statusCode(200);
    }

    /** Issue 22: a partner whose contact must never be public, with a link to the event. */
    private void partner() {
        String staff = token("STAFF");
        partnerContact = "Kak Rina " + tag + ", rina." + tag + "@mitra.example";
        partnerId = given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("name", "Mitra Baca " + tag, "kind", "INFLUENCER", "contact", partnerContact,
                        "notes", "Catatan staf " + tag))
                .post("/api/partners").then().statusCode(201).extract().jsonPath().getLong("id");
        partnerLinkId = given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("targetKind", "EVENT", "targetId", eventId, "label", "Poster " + tag))
                .post("/api/partners/" + partnerId + "/links").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** A real value for a path parameter, from the literal segment before it ("events/{id}") and its name. */
    String pathValue(String path, String param) {
        String[] segments = path.split("/");
        String before = "";
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].equals("{" + param + "}")) {
                before = i > 0 ? segments[i - 1] : "";
                break;
            }
        }
        String key = before + "/{" + param + "}";
        return switch (key) {
            case "events/{id}", "manage/{id}", "draft-from-event/{eventId}" -> String.valueOf(eventId);
            case "challenges/{id}", "draft-from-challenge/{challengeId}" -> String.valueOf(challengeId);
            case "campaigns/{id}" -> String.valueOf(campaignId);
            case "posts/{id}" -> String.valueOf(postId);
            case "media/{id}" -> String.valueOf(mediaId());
            case "users/{id}" -> String.valueOf(throwawayUserId);
            case "event-series/{id}" -> String.valueOf(seriesId);
            case "logs/{logId}", "draft-from-review/{logId}" -> String.valueOf(logA);
            case "questions/{questionId}" -> String.valueOf(questionId);
            case "registrations/{registrationId}" -> String.valueOf(registrationA);
            case "registrations/{token}" -> manageTokenA;
            case "guardian-consent/{token}" -> "g" + tag + "0000000000000000000000000000000000000";
            case "verify-email/{token}" -> "v" + tag + "0000000000000000000000000000000000000";
            // A conversation token nobody was given (43 base64url characters): a 404, like someone else's.
            case "conversations/{token}" -> "c" + tag + "000000000000000000000000000000000000";
            case "variants/{platform}" -> "INSTAGRAM";
            // The caller's own notifications: an id nobody has answers 404, like someone else's.
            case "notifications/{id}" -> "987654321";
            case "connections/{platform}" -> "X";
            case "conversations/{id}", "conversations/{threadId}" -> String.valueOf(conversationId);
            case "saved-replies/{id}" -> String.valueOf(savedReplyId);
            case "faq/{id}" -> String.valueOf(faqEntryId);
            case "surveys/{id}", "draft-from-survey/{surveyId}" -> String.valueOf(surveyId);
            case "partners/{id}" -> String.valueOf(partnerId);
            case "links/{linkId}" -> String.valueOf(partnerLinkId);
            default -> throw new AssertionError("No seeded value for " + key + " in " + path
                    + ": teach World.pathValue about this new path parameter");
        };
    }

    /** The path with every parameter replaced by a seeded value. */
    String realPath(String path) {
        String result = path;
        var matcher = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(path);
        while (matcher.find()) {
            result = result.replace(matcher.group(), pathValue(path, matcher.group(1)));
        }
        return result;
    }

    /** A request body: the documented example of a media type, pointed at this world and at dates valid today. */
    ObjectNode exampleBody(JsonNode content) {
        JsonNode example = ApiDocument.example(content);
        ObjectNode body = example instanceof ObjectNode o ? o.deepCopy() : JsonNodeFactory.instance.objectNode();
        point(body);
        return body;
    }

    /** The example body of an operation's first JSON media type, or null when it takes none. */
    byte[] exampleBody(ApiDocument.Op op) {
        for (var entry : op.requestContent().entrySet()) {
            if (entry.getKey().contains("json")) {
                return exampleBody(entry.getValue()).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private void point(JsonNode node) {
        if (node instanceof ArrayNode array) {
            array.forEach(this::point);
            return;
        }
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        Instant start = start();
        Map<String, JsonNode> replacements = new HashMap<>();
        replacements.put("campaignId", JsonNodeFactory.instance.numberNode(campaignId));
        replacements.put("eventId", JsonNodeFactory.instance.numberNode(eventId));
        replacements.put("challengeId", JsonNodeFactory.instance.numberNode(challengeId));
        replacements.put("targetEventId", JsonNodeFactory.instance.numberNode(otherEventId));
        replacements.put("manageToken", TextNode.valueOf(manageTokenA));
        replacements.put("startsAt", TextNode.valueOf(start.toString()));
        replacements.put("endsAt", TextNode.valueOf(start.plus(Duration.ofMinutes(90)).toString()));
        replacements.put("registrationClosesAt", TextNode.valueOf(start.minus(Duration.ofHours(1)).toString()));
        replacements.put("registrationOpensAt", JsonNodeFactory.instance.nullNode());
        replacements.put("scheduledAt", TextNode.valueOf(start.toString()));
        replacements.put("startsOn", TextNode.valueOf(today().minusDays(1).toString()));
        replacements.put("endsOn", TextNode.valueOf(today().plusDays(30).toString()));
        replacements.put("readOn", TextNode.valueOf(today().toString()));
        List<String> names = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            if (replacements.containsKey(name)) {
                object.set(name, replacements.get(name));
            } else {
                point(object.get(name));
            }
        }
    }
}
