package id.serambi.campaign.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.serambi.campaign.links.LinkFixtures.Answer;
import id.serambi.common.SerambiConfig;
import id.serambi.support.Accounts;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The redirect {@code /l/{code}} and its click counting, against the running app and the real PostgreSQL: where each
 * kind of link leads, what an unknown code does, how bots are told apart, that 1,000 concurrent clicks are 1,000 in the
 * database after a flush, that a failed flush loses nothing, that a clean stop flushes, and that a click stores nothing
 * about its visitor.
 */
@QuarkusTest
class LinkRedirectTest {

    private static final String PHONE = "Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/120.0.0.0 Mobile Safari/537.36";
    private static final String TABLET = "Mozilla/5.0 (iPad; CPU OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like "
            + "Gecko) Version/17.1 Mobile/15E148 Safari/604.1";
    private static final String DESKTOP = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/120.0.0.0 Safari/537.36";

    @Inject
    AgroalDataSource db;

    @Inject
    ClickCounter counter;

    @Inject
    LinkRepository repository;

    @Inject
    SerambiConfig config;

    @Inject
    LinkSettings settings;

    @Inject
    io.vertx.mutiny.core.Vertx vertx;

    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String url;

    private static Answer get(String path, String userAgent) {
        return LinkFixtures.request(RestAssured.port, "GET", path, userAgent);
    }

    private void flush() throws Exception {
        counter.flush().get(30, TimeUnit.SECONDS);
    }

    @Test
    void eachKindOfLinkRedirectsToItsPageWithItsCodeAsRefAndNoStore() throws Exception {
        long event = LinkFixtures.event(db, "Diskusi Buku: Laut Bercerita");
        long challenge = LinkFixtures.challenge(db, "Tantangan Baca Desember");
        long survey = LinkFixtures.survey(db, "Survei Kepuasan " + UUID.randomUUID());
        String toEvent = LinkFixtures.link(db, "EVENT", event);
        String toChallenge = LinkFixtures.link(db, "CHALLENGE", challenge);
        String toSurvey = LinkFixtures.link(db, "SURVEY", survey);
        String toHome = LinkFixtures.link(db, "HOME", null);

        assertRedirect(get("/l/" + toEvent, PHONE), "https://serambi.test/acara/" + event + "?ref=" + toEvent);
        assertRedirect(get("/l/" + toChallenge, PHONE), "https://serambi.test/tantangan/" + challenge + "?ref=" + toChallenge);
        assertRedirect(get("/l/" + toSurvey, PHONE), "https://serambi.test/survei/" + survey + "?ref=" + toSurvey);
        assertRedirect(get("/l/" + toHome, PHONE), "https://serambi.test/?ref=" + toHome);
        // a query string on the link changes nothing
        assertRedirect(get("/l/" + toEvent + "?utm_source=wa", PHONE), "https://serambi.test/acara/" + event + "?ref=" + toEvent);

        flush();
        assertEquals(2, LinkFixtures.clicks(db, toEvent, false));
        assertEquals(1, LinkFixtures.clicks(db, toChallenge, false));
        assertEquals(1, LinkFixtures.clicks(db, toSurvey, false));
        assertEquals(1, LinkFixtures.clicks(db, toHome, false));
        LocalDate today = LocalDate.now(config.library().timeZone());
        assertEquals(2, Accounts.count(db, "SELECT clicks FROM link_click WHERE link_id = ? AND day = ?::date AND device = 'MOBILE'"
                + " AND NOT bot", LinkFixtures.linkId(db, toEvent), today.toString()), "counted on today's date in WITA");
    }

    private static void assertRedirect(Answer answer, String location) {
        assertEquals(302, answer.status(), answer.headers().toString());
        assertEquals(location, answer.location());
        assertEquals("no-store", answer.headers().get("cache-control"));
        assertNull(answer.headers().get("set-cookie"), "a click sets no cookie");
    }

    @Test
    void anUnknownOrMalformedCodeGoesHomeAndCountsNothing() throws Exception {
        String known = LinkFixtures.link(db, "HOME", null);
        flush();
        long before = LinkFixtures.allClicks(db);
        String unknown = LinkCodes.generate();
        for (String path : List.of("/l/" + unknown, "/l/" + unknown, "/l/ABCDEFGHJK", "/l/0o1il23456", "/l/" + known + "x",
                "/l/" + known.substring(1), "/l/", "/l/%3Cscript%3E", "/l/" + "a".repeat(300))) {
            Answer answer = get(path, PHONE);
            assertEquals(302, answer.status(), path);
            assertEquals("https://serambi.test/", answer.location(), path);
            assertEquals("no-store", answer.headers().get("cache-control"), path);
        }
        flush();
        assertEquals(before, LinkFixtures.allClicks(db), "nothing counted");
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM tracked_link WHERE code = ?", unknown), "nothing stored");
    }

    @Test
    void botsAndLinkPreviewsAreCountedApartFromPeople() throws Exception {
        String code = LinkFixtures.link(db, "EVENT", LinkFixtures.event(db, "Bedah Buku Bot"));
        List<String> bots = List.of("WhatsApp/2.23.20.0 A",
                "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
                "Twitterbot/1.0", "curl/8.5.0", "TelegramBot (like TwitterBot)",
                "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", "python-requests/2.31.0");
        for (String bot : bots) {
            assertEquals(302, get("/l/" + code, bot).status(), bot);
        }
        assertEquals(302, get("/l/" + code, null).status(), "no User-Agent");
        Answer head = LinkFixtures.request(RestAssured.port, "HEAD", "/l/" + code, PHONE);
        assertEquals(302, head.status());
        assertTrue(head.location().endsWith("?ref=" + code));
        for (String person : List.of(PHONE, PHONE, TABLET, DESKTOP)) {
            assertEquals(302, get("/l/" + code, person).status());
        }
        flush();
        assertEquals(bots.size() + 2, LinkFixtures.clicks(db, code, true), "bots, no User-Agent and HEAD");
        assertEquals(4, LinkFixtures.clicks(db, code, false), "people");
        long link = LinkFixtures.linkId(db, code);
        assertEquals(2, Accounts.count(db, "SELECT clicks FROM link_click WHERE link_id = ? AND device = 'MOBILE' AND NOT bot", link));
        assertEquals(1, Accounts.count(db, "SELECT clicks FROM link_click WHERE link_id = ? AND device = 'TABLET' AND NOT bot", link));
        assertEquals(1, Accounts.count(db, "SELECT clicks FROM link_click WHERE link_id = ? AND device = 'DESKTOP' AND NOT bot", link));
        assertEquals(1, Accounts.count(db, "SELECT clicks FROM link_click WHERE link_id = ? AND device = 'MOBILE' AND bot", link),
                "the HEAD from a phone");
    }

    @Test
    void aThousandConcurrentClicksOnOneLinkAreExactlyAThousandAfterAFlush() throws Exception {
        String code = LinkFixtures.link(db, "EVENT", LinkFixtures.event(db, "Seminar Viral"));
        get("/l/" + code, "curl/8.5.0"); // known before the burst: then no database on the path (one bot click)
        flush();
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
        URI uri = URI.create("http://127.0.0.1:" + RestAssured.port + "/l/" + code);
        List<CompletableFuture<HttpResponse<Void>>> clicks = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            clicks.add(client.sendAsync(HttpRequest.newBuilder(uri).header("User-Agent", i % 2 == 0 ? PHONE : DESKTOP).build(),
                    HttpResponse.BodyHandlers.discarding()));
        }
        for (CompletableFuture<HttpResponse<Void>> click : clicks) {
            assertEquals(302, click.get(60, TimeUnit.SECONDS).statusCode());
        }
        flush();
        assertEquals(1000, LinkFixtures.clicks(db, code, false));
        assertEquals(1, LinkFixtures.clicks(db, code, true));
        long link = LinkFixtures.linkId(db, code);
        assertEquals(500, Accounts.count(db, "SELECT sum(clicks) FROM link_click WHERE link_id = ? AND device = 'MOBILE' AND NOT bot", link));
        assertEquals(500, Accounts.count(db, "SELECT sum(clicks) FROM link_click WHERE link_id = ? AND device = 'DESKTOP'", link));
        assertEquals(0, counter.pending());
    }

    @Test
    void aFailedFlushKeepsItsCountsForTheNextAndADeletedLinkBlocksNoOther() throws Exception {
        String kept = LinkFixtures.link(db, "HOME", null);
        String deleted = LinkFixtures.link(db, "HOME", null);
        PgPool closed = PgPool.pool(vertx, PgConnectOptions.fromUri(url).setUser("serambi").setPassword("serambi"),
                new PoolOptions().setMaxSize(1));
        closed.closeAndAwait();
        AtomicReference<LinkRepository> target = new AtomicReference<>(new LinkRepository(closed));
        ClickCounter own = new ClickCounter(batch -> target.get().addClicks(batch), config.library().timeZone(),
                Clock.systemUTC(), Duration.ZERO, null);
        Visitors.Visit person = Visitors.classify(false, PHONE);
        for (int i = 0; i < 5; i++) {
            own.count(LinkFixtures.linkId(db, kept), person);
        }
        own.count(LinkFixtures.linkId(db, deleted), person);

        ExecutionException failed = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> own.flush().get(30, TimeUnit.SECONDS));
        assertTrue(failed.getCause() != null, failed.toString());
        assertEquals(6, own.pending(), "the failed flush put its counts back");
        assertEquals(0, LinkFixtures.clicks(db, kept, false));
        own.count(LinkFixtures.linkId(db, kept), person); // a click while the database is away

        Accounts.sql(db, "DELETE FROM tracked_link WHERE code = ?", deleted); // its partner deleted it meanwhile
        target.set(repository);
        own.flush().get(30, TimeUnit.SECONDS);
        assertEquals(6, LinkFixtures.clicks(db, kept, false), "nothing lost");
        assertEquals(0, own.pending(), "the deleted link's count went with it");
    }

    @Test
    void aCleanStopFlushesWhatWasCounted() throws Exception {
        String code = LinkFixtures.link(db, "HOME", null);
        ClickCounter own = new ClickCounter(repository::addClicks, config.library().timeZone(), Clock.systemUTC(),
                Duration.ofHours(1), null);
        long link = LinkFixtures.linkId(db, code);
        for (int i = 0; i < 7; i++) {
            own.count(link, Visitors.classify(false, i < 5 ? PHONE : "Twitterbot/1.0"));
        }
        assertEquals(0, LinkFixtures.clicks(db, code, false), "not yet flushed");
        own.stop(null); // what the ShutdownEvent calls
        assertEquals(5, LinkFixtures.clicks(db, code, false));
        assertEquals(2, LinkFixtures.clicks(db, code, true));
        assertEquals(0, own.pending());
    }

    @Test
    void theAppsOwnCounterFlushesOnItsOwnWithinSeconds() throws Exception {
        String code = LinkFixtures.link(db, "HOME", null);
        get("/l/" + code, PHONE);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (LinkFixtures.clicks(db, code, false) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(1, LinkFixtures.clicks(db, code, false), "flushed every serambi.links.flush-interval");
    }

    @Test
    void aDatabaseFailureOnAMissStillRedirectsHome() throws Exception {
        PgPool closed = PgPool.pool(vertx, PgConnectOptions.fromUri(url).setUser("serambi").setPassword("serambi"),
                new PoolOptions().setMaxSize(1));
        closed.closeAndAwait();
        ClickCounter own = new ClickCounter(batch -> io.smallrye.mutiny.Uni.createFrom().voidItem(),
                config.library().timeZone(), Clock.systemUTC(), Duration.ZERO, null);
        LinkRedirect redirect = new LinkRedirect(new LinkRepository(closed), own, config, settings);
        io.vertx.core.Vertx core = vertx.getDelegate();
        Router router = Router.router(core);
        redirect.install(router);
        HttpServer server = core.createHttpServer().requestHandler(router).listen(0).toCompletionStage()
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
        try {
            String code = LinkFixtures.link(db, "HOME", null); // exists, but this instance cannot read it
            Answer answer = LinkFixtures.request(server.actualPort(), "GET", "/l/" + code, PHONE);
            assertEquals(302, answer.status());
            assertEquals("https://serambi.test/", answer.location());
            assertEquals(0, own.pending(), "nothing counted");
        } finally {
            server.close();
        }
    }

    @Test
    void aClickStoresOnlyItsLinkDayDeviceBotAndCount() {
        List<String> columns = new ArrayList<>();
        try (var c = db.getConnection(); var st = c.prepareStatement(
                "SELECT column_name FROM information_schema.columns WHERE table_name = 'link_click' ORDER BY ordinal_position");
                var rs = st.executeQuery()) {
            while (rs.next()) {
                columns.add(rs.getString(1));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        assertEquals(List.of("link_id", "day", "device", "bot", "clicks"), columns);
        assertFalse(Accounts.count(db, "SELECT count(*) FROM information_schema.columns WHERE table_name = 'tracked_link'"
                + " AND column_name ~ '(ip|agent|cookie|address)'") > 0, "a link keeps nothing of its visitors");
    }
}
