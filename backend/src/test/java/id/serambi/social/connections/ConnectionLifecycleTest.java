package id.serambi.social.connections;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.serambi.common.PersonalDataPart;
import id.serambi.social.GrantedAccount;
import id.serambi.social.MetaStubs;
import id.serambi.social.SocialPlatform;
import id.serambi.support.Accounts;
import id.serambi.support.PlatformStandIns;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Token expiry warnings, expiry, the refresh under a row lock, and the connector's personal data. */
@QuarkusTest
@QuarkusTestResource(PlatformStandIns.class)
class ConnectionLifecycleTest {

    @Inject
    AgroalDataSource db;

    @Inject
    ConnectionExpiryJob job;

    @Inject
    ConnectionStore store;

    @Inject
    TokenCipher cipher;

    @Inject
    ConnectionPersonalData personalData;

    @Inject
    Vertx vertx;

    private String connectorEmail;

    @BeforeEach
    void connect() {
        Accounts.sql(db, "DELETE FROM social_connection");
        connectorEmail = Accounts.uniqueEmail("staff");
        Accounts.register(connectorEmail);
        long connector = Accounts.idOf(connectorEmail);
        Accounts.sql(db, "UPDATE app_user SET role = 'STAFF' WHERE id = ?", connector);
        for (var p : List.of(SocialPlatform.FACEBOOK, SocialPlatform.INSTAGRAM)) {
            String ext = p == SocialPlatform.FACEBOOK ? MetaStubs.PAGE_ID : MetaStubs.IG_ID;
            Accounts.sql(db, "INSERT INTO social_connection (platform, external_id, name, method, access_token, connected_by) "
                    + "VALUES (?, ?, ?, 'OAUTH', ?, ?)", p.name(), ext,
                    p == SocialPlatform.FACEBOOK ? MetaStubs.PAGE_NAME : MetaStubs.IG_USERNAME,
                    cipher.encrypt("EAAGpage", SocialConnection.binding(p, ext, "access")), connector);
        }
    }

    @AfterEach
    void reset() {
        PlatformStandIns.server().resetAll();
    }

    private int check() throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> job.check());
    }

    @Test
    void adminsAreToldOnceSevenDaysBeforeExpiryAndAnExpiredTokenNeedsReconnecting() throws Throwable {
        Accounts.sql(db, "UPDATE social_connection SET expires_at = now() + interval '30 days'");
        assertEquals(0, check());
        Accounts.sql(db, "UPDATE social_connection SET expires_at = now() + interval '5 days'");
        assertEquals(2, check());
        assertEquals(2, Accounts.count(db, "SELECT count(*) FROM social_connection WHERE expiry_warned_at IS NOT NULL"));
        assertEquals(0, check());

        given().auth().oauth2(Accounts.login(connectorEmail, Accounts.PASSWORD)).get("/api/social/connections")
                .then().statusCode(200).body("connections[0].expiresAt", org.hamcrest.Matchers.notNullValue());

        Accounts.sql(db, "UPDATE social_connection SET expires_at = now() - interval '1 minute' WHERE platform = 'FACEBOOK'");
        assertEquals(1, check());
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM social_connection WHERE platform = 'FACEBOOK' "
                + "AND status = 'NEEDS_RECONNECT' AND status_reason LIKE '%kedaluwarsa%'"));
        assertEquals(0, check());
    }

    @Test
    void twoInstancesCheckingAtOnceWarnOnce() throws Exception {
        Accounts.sql(db, "UPDATE social_connection SET expires_at = now() + interval '2 days'");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(pool.submit(() -> {
                    try {
                        return check();
                    } catch (Throwable t) {
                        throw new IllegalStateException(t);
                    }
                }));
            }
            int total = 0;
            for (Future<Integer> r : runs) {
                total += r.get();
            }
            assertEquals(2, total);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void tokensThatRefreshThemselvesAreNeitherWarnedNorExpiredButRefreshedOnceUnderALock() throws Exception {
        Instant soon = Instant.now().plus(Duration.ofMinutes(1));
        String ext = "1234567890123";
        Accounts.sql(db, "INSERT INTO social_connection (platform, external_id, name, method, access_token, refresh_token, expires_at) "
                + "VALUES ('X', ?, '@perpuskotabjb', 'OAUTH', ?, ?, ?)", ext,
                cipher.encrypt("old-access", SocialConnection.binding(SocialPlatform.X, ext, "access")),
                cipher.encrypt("old-refresh", SocialConnection.binding(SocialPlatform.X, ext, "refresh")),
                OffsetDateTime.ofInstant(soon, ZoneOffset.UTC));
        try {
            assertEquals(0, VertxContextSupport.subscribeAndAwait(() -> job.check()));
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM social_connection WHERE platform = 'X' AND status = 'CONNECTED'"));

        AtomicInteger refreshes = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<GrantedAccount>> runs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                runs.add(pool.submit(() -> {
                    try {
                        return VertxContextSupport.subscribeAndAwait(() -> store.refreshLocked(SocialPlatform.X,
                                Duration.ofMinutes(5), current -> {
                                    refreshes.incrementAndGet();
                                    assertEquals("old-refresh", current.refreshToken());
                                    return Uni.createFrom().<GrantedAccount>emitter(e -> vertx.setTimer(400, id -> e.complete(
                                            new GrantedAccount(SocialPlatform.X, ext, "@perpuskotabjb", "new-access",
                                                    "new-refresh", Instant.now().plus(Duration.ofHours(2))))));
                                }));
                    } catch (Throwable t) {
                        throw new IllegalStateException(t);
                    }
                }));
            }
            for (Future<GrantedAccount> r : runs) {
                GrantedAccount a = r.get();
                assertEquals("new-access", a.accessToken());
                assertEquals("new-refresh", a.refreshToken());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, refreshes.get());
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM social_connection WHERE platform = 'X' AND expires_at > now() + interval '1 hour'"));
        try {
            GrantedAccount stored = VertxContextSupport.subscribeAndAwait(() -> store.account(SocialPlatform.X));
            assertEquals("new-access", stored.accessToken());
            assertEquals("new-refresh", stored.refreshToken());
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    @Test
    void aTokenMovedToAnotherRowDoesNotDecrypt() {
        Accounts.sql(db, "UPDATE social_connection SET access_token = (SELECT access_token FROM social_connection WHERE platform = 'FACEBOOK') "
                + "WHERE platform = 'INSTAGRAM'");
        Throwable failure = org.junit.jupiter.api.Assertions.assertThrows(Throwable.class,
                () -> VertxContextSupport.subscribeAndAwait(() -> store.account(SocialPlatform.INSTAGRAM)));
        assertTrue(String.valueOf(failure.getMessage()).contains("Cannot decrypt"), String.valueOf(failure.getMessage()));
    }

    @Test
    void theConnectorsPersonalDataIsExportedAndErasureForgetsThem() throws Throwable {
        long id = Accounts.idOf(connectorEmail);
        PersonalDataPart.Member member = new PersonalDataPart.Member(id, connectorEmail, false);
        String export = VertxContextSupport.subscribeAndAwait(() -> io.quarkus.hibernate.reactive.panache.Panache.withSession(() -> personalData.export(member)));
        assertTrue(export.contains("\"platform\":\"FACEBOOK\"") && export.contains(MetaStubs.PAGE_NAME), export);
        assertTrue(!export.contains("EAAG"), export);
        VertxContextSupport.subscribeAndAwait(() -> io.quarkus.hibernate.reactive.panache.Panache.withTransaction(
                () -> personalData.erase(member)));
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM social_connection WHERE connected_by = ?", id));
        assertEquals(2, Accounts.count(db, "SELECT count(*) FROM social_connection"));
        assertEquals("[]", VertxContextSupport.subscribeAndAwait(() -> io.quarkus.hibernate.reactive.panache.Panache.withSession(() -> personalData.export(member))));
    }
}
