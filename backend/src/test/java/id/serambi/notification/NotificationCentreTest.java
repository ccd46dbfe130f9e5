package id.serambi.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.serambi.account.Role;
import id.serambi.campaign.CampaignFixtures;
import id.serambi.notification.mail.NotificationMailSender;
import id.serambi.support.Accounts;
import id.serambi.support.SseClient;
import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 section 4: the notification centre. Notifications are written in the caller's transaction, listed and
 * marked read by their owner only, counted live over SSE, and e-mailed once, after the commit, unless turned off.
 */
@QuarkusTest
class NotificationCentreTest {

    @Inject
    AgroalDataSource db;

    @Inject
    MockMailbox mailbox;

    @Inject
    NotificationMailSender sender;

    @Inject
    Notifications notifications;

    @Inject
    io.vertx.core.Vertx vertx;

    @TestHTTPResource("/")
    URL base;

    record Person(long id, String email, String token) {
    }

    private Person person(String role) {
        String email = Accounts.uniqueEmail(role.toLowerCase());
        long id = Accounts.register(email);
        Accounts.sql(db, "UPDATE app_user SET role = ? WHERE id = ?", role, id);
        return new Person(id, email, Accounts.login(email, Accounts.PASSWORD));
    }

    private void notify(Collection<Long> ids, Notice notice) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> notifications.notify(ids, notice)));
    }

    private static Notice notice(NotificationKind kind, String title) {
        return new Notice(kind, title, "Isi pemberitahuan: " + title, "/staf/konten/pos/12/ubah");
    }

    private static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private int sendAll() throws Throwable {
        int sent = 0;
        for (int n = VertxContextSupport.subscribeAndAwait(() -> sender.sendPending()); n > 0;
                n = VertxContextSupport.subscribeAndAwait(() -> sender.sendPending())) {
            sent += n;
        }
        return sent;
    }

    @Test
    void aNewNotificationWakesTheMailSenderFromTheListenersEventLoop() throws Throwable {
        Person sari = person("STAFF");
        String title = unique("Segera");
        notify(List.of(sari.id()), notice(NotificationKind.POST_APPROVED, title));
        // The NOTIFY of a new notification reaches the sender on the LISTEN connection's event loop: wake it there.
        vertx.getOrCreateContext().runOnContext(ignored -> sender.wake());
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (mailbox.getMailsSentTo(sari.email()).stream().noneMatch(m -> m.getSubject().equals(title))
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(mailbox.getMailsSentTo(sari.email()).stream().anyMatch(m -> m.getSubject().equals(title)),
                "the e-mail went out without waiting for the scheduled run");
    }

    @Test
    void theOwnerListsCountsAndMarksReadAndNobodyElseReachesThem() throws Throwable {
        Person sari = person("STAFF");
        Person other = person("STAFF");
        String first = unique("Pertama");
        String second = unique("Kedua");
        notify(List.of(sari.id()), notice(NotificationKind.POST_APPROVED, first));
        notify(List.of(sari.id()), notice(NotificationKind.POST_REJECTED, second));

        given().auth().oauth2(sari.token()).get("/api/me/notifications/unread-count").then().statusCode(200)
                .body("unread", equalTo(2));
        var page = given().auth().oauth2(sari.token()).get("/api/me/notifications").then().statusCode(200)
                .body("total", equalTo(2)).body("items[0].title", equalTo(second)).body("items[1].title", equalTo(first))
                .body("items[0].kind", equalTo("POST_REJECTED")).body("items[0].link", equalTo("/staf/konten/pos/12/ubah"))
                .body("items[0].readAt", nullValue())
                .extract().jsonPath();
        long newest = page.getLong("items[0].id");
        long oldest = page.getLong("items[1].id");

        // Someone else's notification is not found, and stays unread; nor does it show in their list.
        given().auth().oauth2(other.token()).post("/api/me/notifications/" + newest + "/read").then().statusCode(404)
                .contentType("application/problem+json").body("type", containsString("not-found"));
        given().auth().oauth2(other.token()).post("/api/me/notifications/999999999/read").then().statusCode(404);
        given().auth().oauth2(other.token()).get("/api/me/notifications").then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(other.token()).post("/api/me/notifications/read-all").then().statusCode(200)
                .body("marked", equalTo(0));
        assertEquals(2, Accounts.count(db, "SELECT count(*) FROM notification WHERE account_id = ? AND read_at IS NULL",
                sari.id()));
        given().get("/api/me/notifications").then().statusCode(401);

        given().auth().oauth2(sari.token()).post("/api/me/notifications/" + newest + "/read").then().statusCode(200)
                .body("id", equalTo((int) newest)).body("readAt", notNullValue());
        given().auth().oauth2(sari.token()).post("/api/me/notifications/" + newest + "/read").then().statusCode(200);
        given().auth().oauth2(sari.token()).get("/api/me/notifications/unread-count").then().body("unread", equalTo(1));
        given().auth().oauth2(sari.token()).queryParam("unread", "true").get("/api/me/notifications").then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo((int) oldest));
        given().auth().oauth2(sari.token()).queryParam("unread", "perhaps").get("/api/me/notifications").then()
                .statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(sari.token()).post("/api/me/notifications/read-all").then().statusCode(200)
                .body("marked", equalTo(1));
        given().auth().oauth2(sari.token()).get("/api/me/notifications/unread-count").then().body("unread", equalTo(0));
        given().auth().oauth2(sari.token()).queryParam("size", 1).queryParam("page", 1).get("/api/me/notifications")
                .then().statusCode(200).body("items.size()", equalTo(1)).body("items[0].id", equalTo((int) oldest))
                .body("total", equalTo(2));
    }

    @Test
    void duplicatesAndUnknownAccountsAreIgnored() throws Throwable {
        Person sari = person("STAFF");
        String title = unique("Ganda");
        notify(List.of(sari.id(), sari.id(), 987_654_321L), notice(NotificationKind.POST_PUBLISHED, title));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM notification WHERE title = ?", title));
        notify(List.of(987_654_322L), notice(NotificationKind.POST_PUBLISHED, title));
        notify(List.of(), notice(NotificationKind.POST_PUBLISHED, title));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM notification WHERE title = ?", title));
    }

    @Test
    void notifyRoleReachesEveryoneWithTheRoleAndNobodyElse() throws Throwable {
        Person a = person("REVIEWER");
        Person b = person("REVIEWER");
        Person staff = person("STAFF");
        String title = unique("Peran");
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> notifications.notifyRole(Role.REVIEWER,
                notice(NotificationKind.REVIEW_REQUESTED, title))));
        long reviewers = Accounts.count(db, "SELECT count(*) FROM app_user WHERE role = 'REVIEWER'");
        assertEquals(reviewers, Accounts.count(db, "SELECT count(*) FROM notification WHERE title = ?", title));
        for (Person p : List.of(a, b)) {
            assertEquals(1, Accounts.count(db, "SELECT count(*) FROM notification WHERE title = ? AND account_id = ?",
                    title, p.id()));
        }
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM notification WHERE title = ? AND account_id = ?",
                title, staff.id()));
    }

    @Test
    void theEmailGoesOutOnceAfterTheCommitUnlessTurnedOff() throws Throwable {
        Person sari = person("STAFF");
        given().auth().oauth2(sari.token()).get("/api/me/notification-settings").then().statusCode(200)
                .body("kinds.size()", equalTo(NotificationKind.values().length))
                .body("kinds.find { it.kind == 'POST_APPROVED' }.email", equalTo(true));
        given().auth().oauth2(sari.token()).contentType(ContentType.JSON)
                .body(Map.of("kinds", List.of(Map.of("kind", "POST_APPROVED", "email", false))))
                .put("/api/me/notification-settings").then().statusCode(200)
                .body("kinds.find { it.kind == 'POST_APPROVED' }.email", equalTo(false))
                .body("kinds.find { it.kind == 'POST_REJECTED' }.email", equalTo(true));
        given().auth().oauth2(sari.token()).get("/api/me/notification-settings").then()
                .body("kinds.find { it.kind == 'POST_APPROVED' }.email", equalTo(false));
        // Bad input: a kind twice, an unknown kind, no body.
        given().auth().oauth2(sari.token()).contentType(ContentType.JSON)
                .body(Map.of("kinds", List.of(Map.of("kind", "POST_FAILED", "email", false),
                        Map.of("kind", "POST_FAILED", "email", true))))
                .put("/api/me/notification-settings").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(sari.token()).contentType(ContentType.JSON)
                .body(Map.of("kinds", List.of(Map.of("kind", "NO_SUCH_KIND", "email", false))))
                .put("/api/me/notification-settings").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(sari.token()).contentType(ContentType.JSON).body("{}")
                .put("/api/me/notification-settings").then().statusCode(400);

        String off = unique("Disetujui");
        String on = unique("Ditolak");
        notify(List.of(sari.id()), notice(NotificationKind.POST_APPROVED, off));
        notify(List.of(sari.id()), notice(NotificationKind.POST_REJECTED, on));
        sendAll();
        sendAll();

        List<Mail> mails = mailbox.getMailsSentTo(sari.email()).stream()
                .filter(m -> m.getSubject().equals(on) || m.getSubject().equals(off)).toList();
        assertEquals(1, mails.size(), "one e-mail: the kind turned off sends none");
        Mail mail = mails.get(0);
        assertEquals(on, mail.getSubject());
        assertTrue(mail.getText().contains("Isi pemberitahuan: " + on), mail.getText());
        assertTrue(mail.getText().contains("https://serambi.test/staf/konten/pos/12/ubah"), mail.getText());
        assertTrue(mail.getText().startsWith("Halo Pengguna Uji,"), mail.getText());
        // The in-app notification of the kind turned off is there all the same.
        given().auth().oauth2(sari.token()).get("/api/me/notifications").then().body("total", equalTo(2))
                .body("items.title", hasItem(off));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM notification WHERE title = ? AND email_state = 'OFF'", off));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM notification WHERE title = ? AND email_state = 'SENT' "
                + "AND email_sent_at IS NOT NULL", on));
    }

    @Test
    void twoConcurrentSendersSendEachEmailOnce() throws Throwable {
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            people.add(person("REVIEWER"));
        }
        List<Long> ids = people.stream().map(Person::id).toList();
        String tag = unique("Serentak");
        for (int round = 0; round < 5; round++) {
            notify(ids, notice(NotificationKind.REVIEW_REQUESTED, tag + " #" + round));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(() -> {
                    try {
                        return sendAll();
                    } catch (Throwable e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
            for (Future<Integer> f : pool.invokeAll(runs)) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        for (Person p : people) {
            List<String> subjects = mailbox.getMailsSentTo(p.email()).stream().map(Mail::getSubject)
                    .filter(s -> s.startsWith(tag)).sorted().toList();
            assertEquals(List.of(tag + " #0", tag + " #1", tag + " #2", tag + " #3", tag + " #4"), subjects, p.email());
        }
        assertEquals(30, Accounts.count(db, "SELECT count(*) FROM notification WHERE title LIKE ? AND email_state = 'SENT'",
                tag + " #%"));
    }

    @Test
    void aRolledBackTransactionLeavesNoNotificationAndNoEmail() throws Throwable {
        Person sari = person("STAFF");
        String title = unique("Batal");
        assertThrows(IllegalStateException.class, () -> VertxContextSupport.subscribeAndAwait(() -> Panache
                .withTransaction(() -> notifications.notify(List.of(sari.id()), notice(NotificationKind.POST_FAILED, title))
                        .chain(() -> Uni.createFrom().failure(new IllegalStateException("the caller's work failed"))))));
        sendAll();
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM notification WHERE title = ?", title));
        assertEquals(List.of(), mailbox.getMailsSentTo(sari.email()).stream().filter(m -> m.getSubject().equals(title))
                .toList());
        given().auth().oauth2(sari.token()).get("/api/me/notifications/unread-count").then().body("unread", equalTo(0));
    }

    @Test
    void theStreamSendsTheUnreadCountNowAndAfterEachChange() throws Throwable {
        Person sari = person("STAFF");
        notify(List.of(sari.id()), notice(NotificationKind.POST_PUBLISHED, unique("Awal")));
        String url = base + "api/me/notifications/stream";
        try (SseClient anonymous = new SseClient(url)) {
            for (int i = 0; i < 100 && anonymous.status == 0; i++) {
                Thread.sleep(50);
            }
            assertEquals(401, anonymous.status);
        }
        try (SseClient sse = new SseClient(url, Map.of("Authorization", "Bearer " + sari.token()))) {
            SseClient.Event now = sse.nextData(Duration.ofSeconds(10));
            assertNotNull(now, "the count now");
            assertEquals(200, sse.status);
            assertTrue(sse.contentType.startsWith("text/event-stream"), sse.contentType);
            assertEquals("unread", now.name());
            assertEquals("{\"unread\":1}", now.data());

            // Committed elsewhere (here: in a transaction of its own, announced by PostgreSQL at its commit).
            notify(List.of(sari.id()), notice(NotificationKind.POST_PUBLISHED, unique("Baru")));
            SseClient.Event next = sse.nextData(Duration.ofSeconds(10));
            assertNotNull(next, "the count after a new notification");
            assertEquals("{\"unread\":2}", next.data());

            given().auth().oauth2(sari.token()).post("/api/me/notifications/read-all").then().statusCode(200);
            SseClient.Event read = sse.nextData(Duration.ofSeconds(10));
            assertNotNull(read, "the count after read-all");
            assertEquals("{\"unread\":0}", read.data());

            // A rolled-back notification is never announced.
            assertThrows(IllegalStateException.class, () -> VertxContextSupport.subscribeAndAwait(() -> Panache
                    .withTransaction(() -> notifications.notify(List.of(sari.id()),
                            notice(NotificationKind.POST_FAILED, unique("Batal")))
                            .chain(() -> Uni.createFrom().failure(new IllegalStateException("rollback"))))));
            assertEquals(null, sse.nextData(Duration.ofMillis(700)));
        }
    }

    @Test
    void theWorkflowNotifiesReviewersOnSubmitAndTheAuthorOnApprovalAndRejection() throws Throwable {
        Person author = person("STAFF");
        Person reviewer = person("REVIEWER");
        String text = "Cek dulu sebelum berbagi " + UUID.randomUUID();
        Map<String, Object> body = CampaignFixtures.post(CampaignFixtures.variant("X", text, null));
        body.put("body", text);
        long postId = CampaignFixtures.createPost(author.token(), body);
        given().auth().oauth2(author.token()).post("/api/posts/" + postId + "/submit").then().statusCode(200);

        String link = "/staf/konten/pos/" + postId + "/ubah";
        given().auth().oauth2(reviewer.token()).get("/api/me/notifications").then().statusCode(200)
                .body("items[0].kind", equalTo("REVIEW_REQUESTED")).body("items[0].link", equalTo(link))
                .body("items[0].body", containsString(text));
        assertEquals(Accounts.count(db, "SELECT count(*) FROM app_user WHERE role = 'REVIEWER'"),
                Accounts.count(db, "SELECT count(*) FROM notification WHERE kind = 'REVIEW_REQUESTED' AND link = ?", link));
        given().auth().oauth2(author.token()).get("/api/me/notifications").then().body("total", equalTo(0));

        given().auth().oauth2(reviewer.token()).contentType(ContentType.JSON)
                .body(Map.of("note", "Sumber sudah dicek.")).post("/api/posts/" + postId + "/approve").then().statusCode(200);
        given().auth().oauth2(author.token()).get("/api/me/notifications").then().body("total", equalTo(1))
                .body("items[0].kind", equalTo("POST_APPROVED")).body("items[0].link", equalTo(link))
                .body("items[0].body", containsString("Sumber sudah dicek."));

        long second = CampaignFixtures.createPost(author.token(), body);
        given().auth().oauth2(author.token()).post("/api/posts/" + second + "/submit").then().statusCode(200);
        given().auth().oauth2(reviewer.token()).contentType(ContentType.JSON)
                .body(Map.of("note", "Tanggal acaranya salah, mohon diperbaiki.")).post("/api/posts/" + second + "/reject")
                .then().statusCode(200);
        given().auth().oauth2(author.token()).get("/api/me/notifications").then().body("total", equalTo(2))
                .body("items[0].kind", equalTo("POST_REJECTED"))
                .body("items[0].body", containsString("Tanggal acaranya salah, mohon diperbaiki."))
                .body("items[0].title", not(containsString("\n")));
        sendAll();
        assertTrue(mailbox.getMailsSentTo(author.email()).stream()
                .anyMatch(m -> m.getText().contains("Tanggal acaranya salah, mohon diperbaiki.")));
        assertTrue(mailbox.getMailsSentTo(reviewer.email()).stream()
                .anyMatch(m -> m.getText().contains("https://serambi.test" + link)));

        // A refused transition notifies nobody.
        long before = Accounts.count(db, "SELECT count(*) FROM notification");
        given().auth().oauth2(reviewer.token()).contentType(ContentType.JSON).body(Map.of("note", "lagi"))
                .post("/api/posts/" + second + "/reject").then().statusCode(409);
        assertEquals(before, Accounts.count(db, "SELECT count(*) FROM notification"));
    }

    @Test
    void notificationsAndPreferencesAreExportedAndErasedWithThePerson() throws Throwable {
        Person sari = person("STAFF");
        String title = unique("Pribadi");
        notify(List.of(sari.id()), notice(NotificationKind.POST_MISSED, title));
        given().auth().oauth2(sari.token()).contentType(ContentType.JSON)
                .body(Map.of("kinds", List.of(Map.of("kind", "POST_MISSED", "email", false))))
                .put("/api/me/notification-settings").then().statusCode(200);
        given().auth().oauth2(sari.token()).get("/api/me/export").then().statusCode(200)
                .body("notifications.notifications[0].title", equalTo(title))
                .body("notifications.emailOff", equalTo(List.of("POST_MISSED")));
        given().auth().oauth2(sari.token()).delete("/api/me").then().statusCode(204);
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM notification WHERE account_id = ?", sari.id()));
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM notification_email_off WHERE account_id = ?", sari.id()));
    }
}
