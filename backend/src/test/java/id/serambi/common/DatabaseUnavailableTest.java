package id.serambi.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.serambi.support.Problems;
import id.serambi.support.contract.ContractFilter;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.CompositeException;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import jakarta.inject.Inject;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.HibernateException;
import org.junit.jupiter.api.Test;

/**
 * A database that is away answers 503 problem+json with Retry-After, not 500. The failures here come from the real
 * PostgreSQL driver (a refused port, a terminated backend, an exhausted pool); the full outage under load, with the
 * server stopped and started, is bench/faults/outage.sh.
 */
@QuarkusTest
class DatabaseUnavailableTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String url;

    @Test
    void aRefusedDatabaseConnectionIsA503ProblemWithRetryAfterAndFailsFast() throws Exception {
        int port = closedPort();
        // The probe is a test-only endpoint, outside the OpenAPI document (every operation documents this 503).
        ContractFilter.unchecked(() -> Problems.assertProblem(
                given().queryParam("port", port).get("/api/test-probes/database-down").then(),
                503, "database-unavailable")
                .header("Retry-After", "5")
                .body("instance", equalTo("/api/test-probes/database-down"))
                // at once, not after a wait (a cold JVM on a busy machine took 7 s: the bound is loose on purpose)
                .time(lessThan(15000L)));
    }

    @Test
    void realDriverFailuresOfAMissingDatabaseAreRecognisedAlsoWhenWrapped() throws Exception {
        Throwable refused = failure(PgPool.pool(vertx, options().setPort(closedPort()), new PoolOptions())
                .query("SELECT 1").execute().replaceWithVoid());
        assertTrue(DatabaseUnavailable.causes(refused), refused.toString());
        // as Hibernate Reactive and Mutiny hand it on
        assertTrue(DatabaseUnavailable.causes(new HibernateException(new CompletionException(refused))));
        // a connection reset by the server going down in the middle of a transaction (seen in bench/faults/outage.sh)
        assertTrue(DatabaseUnavailable.causes(new CompositeException(
                new HibernateException(new java.net.SocketException("Connection reset")),
                new java.net.SocketException("Connection reset"))));
        assertTrue(DatabaseUnavailable.causes(new CompositeException(new HibernateException(refused),
                new IllegalStateException("HR000090: Live transaction detected while closing the connection"))));
    }

    @Test
    void aConnectionTerminatedByTheServerIsRecognised() {
        PgPool pool = PgPool.pool(vertx, options(), new PoolOptions().setMaxSize(2));
        try {
            SqlConnection victim = pool.getConnection().await().atMost(WAIT);
            int pid = victim.query("SELECT pg_backend_pid()").execute().await().atMost(WAIT).iterator().next()
                    .getInteger(0);
            // What PostgreSQL does to every session when it shuts down (57P01 admin shutdown)
            pool.query("SELECT pg_terminate_backend(" + pid + ")").execute().await().atMost(WAIT);
            Throwable lost = failure(victim.query("SELECT 1").execute().replaceWithVoid());
            assertTrue(DatabaseUnavailable.causes(lost), lost.toString());
        } finally {
            pool.closeAndAwait();
        }
    }

    @Test
    void anExhaustedPoolFailsFastAndIsRecognised() {
        PgPool pool = PgPool.pool(vertx, options(), new PoolOptions().setMaxSize(1)
                .setConnectionTimeout(300).setConnectionTimeoutUnit(TimeUnit.MILLISECONDS));
        PgPool noQueue = PgPool.pool(vertx, options(), new PoolOptions().setMaxSize(1).setMaxWaitQueueSize(0));
        try {
            SqlConnection held = pool.getConnection().await().atMost(WAIT);
            long started = System.nanoTime();
            Throwable timeout = failure(pool.query("SELECT 1").execute().replaceWithVoid());
            assertTrue(System.nanoTime() - started < Duration.ofSeconds(3).toNanos(),
                    "waited for the acquire timeout only");
            assertTrue(DatabaseUnavailable.causes(timeout), timeout.toString());
            held.closeAndAwait();

            SqlConnection only = noQueue.getConnection().await().atMost(WAIT);
            Throwable busy = failure(noQueue.query("SELECT 1").execute().replaceWithVoid());
            assertTrue(DatabaseUnavailable.causes(busy), busy.toString());
            only.closeAndAwait();
        } finally {
            pool.closeAndAwait();
            noQueue.closeAndAwait();
        }
    }

    @Test
    void aBugOrABadQueryIsNotTakenForAnOutage() {
        PgPool pool = PgPool.pool(vertx, options(), new PoolOptions().setMaxSize(1));
        try {
            Throwable division = failure(pool.query("SELECT 1 / 0").execute().replaceWithVoid());
            assertFalse(DatabaseUnavailable.causes(division), division.toString());
            assertFalse(DatabaseUnavailable.causes(new HibernateException(division)));
            assertFalse(DatabaseUnavailable.causes(new IllegalStateException("Timeout")));
            assertFalse(DatabaseUnavailable.causes(new NullPointerException()));
        } finally {
            pool.closeAndAwait();
        }
    }

    private PgConnectOptions options() {
        return PgConnectOptions.fromUri(url).setUser("serambi").setPassword("serambi");
    }

    private static Throwable failure(io.smallrye.mutiny.Uni<Void> uni) {
        try {
            uni.await().atMost(WAIT);
        } catch (Throwable t) {
            return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        }
        throw new AssertionError("expected a failure");
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
