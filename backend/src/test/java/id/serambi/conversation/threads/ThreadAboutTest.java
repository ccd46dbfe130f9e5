package id.serambi.conversation.threads;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import id.serambi.conversation.ConversationChannel;
import id.serambi.conversation.ConversationKind;
import id.serambi.conversation.Conversations;
import id.serambi.conversation.InboundMessage;
import id.serambi.event.EventFixtures;
import id.serambi.support.Accounts;
import id.serambi.support.ManageLinks;
import id.serambi.support.Staff;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: a thread links to what it is about (a comment thread to the published post, its campaign and its event; a
 * WhatsApp thread to its registrant's latest event), and staff can list whom a thread may be assigned to.
 */
@QuarkusTest
class ThreadAboutTest {

    @Inject
    AgroalDataSource db;

    @Inject
    Conversations conversations;

    long ingest(ConversationChannel channel, ConversationKind kind, String key, String post) throws Throwable {
        InboundMessage m = new InboundMessage(channel, kind, key, "m-" + UUID.randomUUID(), "library", key, "Siti", "Halo",
                Instant.now(), post);
        return VertxContextSupport.subscribeAndAwait(() -> conversations.ingest(m)).threadId();
    }

    @Test
    void aCommentThreadLinksToThePublishedPostItsCampaignAndItsEvent() throws Throwable {
        String staff = Staff.token();
        Map<String, Object> event = EventFixtures.body(EventFixtures.uniqueDay());
        long eventId = EventFixtures.published(staff, event);
        String title = "Klub Buku " + UUID.randomUUID().toString().substring(0, 6);
        Accounts.sql(db, "INSERT INTO campaign (title, theme, starts_on, ends_on) VALUES (?, 'READING_CLUB', DATE '2026-12-01', "
                + "DATE '2026-12-31')", title);
        long campaignId = Accounts.count(db, "SELECT id FROM campaign WHERE title = ?", title);
        Accounts.sql(db, "INSERT INTO post (campaign_id, event_id, content_type, body, status) VALUES (?, ?, 'EVENT_PROMO', "
                + "'Ayo ikut bedah buku!', 'PUBLISHED')", campaignId, eventId);
        long postId = Accounts.count(db, "SELECT max(id) FROM post WHERE campaign_id = ?", campaignId);
        String external = "102030405060_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String url = "https://www.facebook.com/102030405060/posts/" + external;
        Accounts.sql(db, "INSERT INTO post_variant (post_id, platform, text, published_url, published_at, external_id, delivery) "
                + "VALUES (?, 'FACEBOOK', 'Ayo ikut bedah buku!', ?, now(), ?, 'PUBLISHED')", postId, url, external);

        long thread = ingest(ConversationChannel.FACEBOOK, ConversationKind.COMMENT, "c-" + UUID.randomUUID(), external);
        JsonPath about = ThreadInboxTest.get(staff, thread).setRootPath("about");
        assertEquals("POST", about.getString("kind"));
        assertEquals(postId, about.getLong("postId"));
        assertEquals(campaignId, about.getLong("campaignId"));
        assertEquals(title, about.getString("campaignTitle"));
        assertEquals(title, about.getString("title"));
        assertEquals(eventId, about.getLong("eventId"));
        assertEquals(event.get("title"), about.getString("eventTitle"));
        assertEquals(url, about.getString("url"));

        // The same id on another platform is not that post; a post Serambi did not publish links to nothing.
        long elsewhere = ingest(ConversationChannel.INSTAGRAM, ConversationKind.COMMENT, "c-" + UUID.randomUUID(), external);
        assertNull(ThreadInboxTest.get(staff, elsewhere).get("about"));
        long unknown = ingest(ConversationChannel.FACEBOOK, ConversationKind.COMMENT, "c-" + UUID.randomUUID(), "999_" + external);
        assertNull(ThreadInboxTest.get(staff, unknown).get("about"));
    }

    @Test
    void aWhatsappThreadLinksToItsRegistrantsLatestEvent() throws Throwable {
        String staff = Staff.token();
        Instant day = EventFixtures.uniqueDay();
        long earlier = EventFixtures.published(staff, EventFixtures.body(day));
        Map<String, Object> laterBody = EventFixtures.body(day.plus(Duration.ofDays(7)));
        long later = EventFixtures.published(staff, laterBody);
        String number = "+62813" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        // Registered for the later event first: "latest" is the event's start, not the registration's.
        for (long event : new long[] { later, earlier }) {
            ManageLinks.register(event, Map.of("name", "Siti Nurhaliza", "email", Accounts.uniqueEmail("wa"), "whatsapp", number));
        }

        long thread = ingest(ConversationChannel.WHATSAPP, ConversationKind.DIRECT, number.substring(1), null);
        JsonPath about = ThreadInboxTest.get(staff, thread).setRootPath("about");
        assertEquals("EVENT", about.getString("kind"));
        assertEquals(later, about.getLong("eventId"));
        assertEquals(laterBody.get("title"), about.getString("title"));
        assertEquals("https://serambi.test/acara/" + later, about.getString("url"));
        assertNull(about.get("postId"));

        long stranger = ingest(ConversationChannel.WHATSAPP, ConversationKind.DIRECT, "62899" + (1_000_000
                + ThreadLocalRandom.current().nextInt(8_999_999)), null);
        assertNull(ThreadInboxTest.get(staff, stranger).get("about"));
    }

    @Test
    void staffListWhomAThreadCanBeAssignedTo() {
        String email = Accounts.uniqueEmail("staf");
        long staffId = Accounts.register(email);
        Accounts.sql(db, "UPDATE app_user SET role = 'STAFF', display_name = 'Rina Staf' WHERE id = ?", staffId);
        long memberId = Accounts.register(Accounts.uniqueEmail("anggota"));
        String token = Accounts.login(email, Accounts.PASSWORD);
        given().auth().oauth2(token).get("/api/conversations/staff").then().statusCode(200)
                .body("id", hasItem((int) staffId))
                .body("find { it.id == " + staffId + " }.name", org.hamcrest.Matchers.equalTo("Rina Staf"))
                .body("id", not(hasItem((int) memberId)))
                .body("[0]", not(org.hamcrest.Matchers.hasKey("email")));
        given().auth().oauth2(Accounts.tokenFor(db, "MEMBER")).get("/api/conversations/staff").then().statusCode(403);
        given().get("/api/conversations/staff").then().statusCode(401);
    }
}
