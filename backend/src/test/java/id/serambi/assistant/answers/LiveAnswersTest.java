package id.serambi.assistant.answers;

import static id.serambi.assistant.knowledge.FaqEntries.askUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.serambi.assistant.knowledge.FaqEntries;
import id.serambi.challenge.ChallengeFixtures;
import id.serambi.event.EventFixtures;
import id.serambi.support.Staff;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: entries about events and challenges list Serambi's own data after their text: the next published events
 * with their /acara/{id} pages, the open challenges with their /tantangan/{id} pages (the same ones SQL finds).
 */
@QuarkusTest
class LiveAnswersTest {

    @Inject
    AgroalDataSource db;

    @Inject
    LiveAnswers live;

    private List<String> pages(String prefix, String sql) throws SQLException {
        List<String> pages = new ArrayList<>();
        try (Connection c = db.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                pages.add(prefix + rs.getLong(1));
            }
        }
        return pages;
    }

    private JsonPath askAbout(String staff, String live) throws InterruptedException {
        String word = FaqEntries.word();
        Map<String, Object> body = FaqEntries.entry(word);
        body.put("live", live);
        int id = FaqEntries.create(staff, body);
        return askUntil("Bagaimana cara meminjam " + word + " di perpustakaan?", "id",
                a -> !a.getBoolean("handedOver") && Integer.valueOf(id).equals(a.get("entryId")));
    }

    @Test
    void anEventsEntryListsTheNextPublishedEvents() throws Exception {
        String staff = Staff.token();
        String title = "Diskusi " + FaqEntries.word();
        Map<String, Object> event = EventFixtures.body(Instant.now().plus(Duration.ofHours(2)));
        event.put("title", title);
        EventFixtures.published(staff, event);
        EventFixtures.create(staff, EventFixtures.body(Instant.now().plus(Duration.ofHours(1))));

        JsonPath a = askAbout(staff, "EVENTS");
        List<String> expected = pages("/acara/", "SELECT id FROM event WHERE status = 'PUBLISHED' AND starts_at >= now() "
                + "AND starts_at < now() + interval '60 days' ORDER BY starts_at, id LIMIT 3");
        List<String> urls = a.getList("links.url");
        assertEquals(expected, urls.subList(0, expected.size()), "the next published events, drafts left out");
        assertEquals("/acara", urls.get(urls.size() - 1), "the entry's own link last");
        assertTrue(a.getString("answer").startsWith("Untuk meminjam "), a.getString("answer"));
        assertTrue(a.getString("answer").contains("\n\nAcara berikutnya:\n• "), a.getString("answer"));
        assertEquals(expected.size() + 1, urls.size(), "at most three events, then the entry's link");
    }

    @Test
    void aChallengesEntryListsTheOpenChallenges() throws Exception {
        String staff = Staff.token();
        ChallengeFixtures.published(staff, ChallengeFixtures.body());
        JsonPath a = askAbout(staff, "CHALLENGES");
        List<String> expected = pages("/tantangan/", "SELECT id FROM challenge WHERE status = 'PUBLISHED' AND ends_on >= "
                + "(now() AT TIME ZONE 'Asia/Makassar')::date ORDER BY ends_on, id LIMIT 3");
        assertTrue(!expected.isEmpty());
        List<String> urls = a.getList("links.url");
        assertEquals(expected, urls.subList(0, expected.size()));
        assertTrue(a.getString("answer").contains("\n\nTantangan yang sedang berjalan:\n• "), a.getString("answer"));
    }

    @Test
    void anEventsQuestionWithATopicListsTheEventsAboutIt() throws Exception {
        String staff = Staff.token();
        String topic = FaqEntries.word();
        Map<String, Object> onTopic = EventFixtures.body(Instant.now().plus(Duration.ofHours(3)));
        onTopic.put("title", "Bedah buku " + topic);
        long about = EventFixtures.published(staff, onTopic);
        EventFixtures.published(staff, EventFixtures.body(Instant.now().plus(Duration.ofHours(1))));
        String word = FaqEntries.word();
        Map<String, Object> body = FaqEntries.entry(word);
        body.put("live", "EVENTS");
        body.put("alternatives", List.of("acara " + word + " ada " + topic + " ga?"));
        int id = FaqEntries.create(staff, body);

        JsonPath a = askUntil("acara " + word + " ada " + topic + " ga?", "id",
                r -> !r.getBoolean("handedOver") && Integer.valueOf(id).equals(r.get("entryId")));
        assertEquals(List.of("/acara/" + about, "/acara"), a.getList("links.url"),
                "only the event about the question's topic, not the sooner one about something else");
        assertTrue(a.getString("answer").contains("\n\nAcara yang sesuai dengan pertanyaan Anda:\n• Bedah buku " + topic),
                a.getString("answer"));
    }

    @Test
    void hariIniBesokMingguIniAndBulanIniNarrowThePeriodInTheLibrarysZone() {
        // Thursday 3 December 2026, 18:00 WITA (UTC+8).
        Instant now = Instant.parse("2026-12-03T10:00:00Z");
        assertEquals(new LiveAnswers.Period(now, Instant.parse("2026-12-03T16:00:00Z"), true),
                live.period("ada kegiatan apa hari ini?", now), "until midnight WITA");
        assertEquals(new LiveAnswers.Period(Instant.parse("2026-12-03T16:00:00Z"), Instant.parse("2026-12-04T16:00:00Z"), true),
                live.period("Apakah ada acara di perpustakaan besok?", now), "Friday, whole");
        assertEquals(new LiveAnswers.Period(now, Instant.parse("2026-12-06T16:00:00Z"), true),
                live.period("Ada acara apa saja minggu ini di perpustakaan?", now), "until Monday 00:00 WITA");
        assertEquals(new LiveAnswers.Period(now, Instant.parse("2026-12-31T16:00:00Z"), true),
                live.period("What events are on this month?", now), "until 1 January 00:00 WITA");
        assertEquals(new LiveAnswers.Period(now, now.plus(Duration.ofDays(60)), false),
                live.period("ada diskusi buku?", now), "no period named: the 60 days ahead");
    }
}
