package id.serambi.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 21, the soak's pool drain: under overload, waits for a connection that time out must not lose connections.
 * The pool of {@link FailFastPool} (2 connections, a short acquisition timeout) is kept overloaded from four event
 * loops for a few seconds, so that many waiters give up just as connections are handed on; afterwards both connections
 * must still be there: taken together, used and given back. With the SQL client's own acquisition timeout (Vert.x
 * 4.5, eclipse-vertx/vert.x#6169) the pool kept some of them for ever. Needs PostgreSQL (the test database).
 */
class PoolUnderOverloadTest {

    private static final int SIZE = 2;

    private Vertx vertx;

    @AfterEach
    void close() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        }
    }

    @Test
    void waitsThatTimeOutLoseNoConnection() throws Exception {
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(4));
        Pool pool = FailFastPool.create(vertx, new PoolOptions().setMaxSize(SIZE).setEventLoopSize(4), List.of(database()),
                Duration.ofMillis(20), Duration.ofSeconds(3), 10_000);

        AtomicInteger served = new AtomicInteger();
        AtomicInteger timedOut = new AtomicInteger();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
        List<CompletableFuture<Void>> loops = new ArrayList<>();
        for (int loop = 0; loop < 4; loop++) {
            Context context = vertx.getOrCreateContext(); // each on its own event loop
            CompletableFuture<Void> done = new CompletableFuture<>();
            loops.add(done);
            AtomicInteger running = new AtomicInteger();
            for (int client = 0; client < 40; client++) {
                running.incrementAndGet();
                context.runOnContext(v -> overload(pool, until, served, timedOut, () -> {
                    if (running.decrementAndGet() == 0) {
                        done.complete(null);
                    }
                }));
            }
        }
        CompletableFuture.allOf(loops.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        assertTrue(served.get() > 0 && timedOut.get() > 0,
                "the load both used connections and timed out: " + served + " served, " + timedOut + " timed out");

        // Every connection is back: SIZE taken at once within a few seconds, each answering.
        List<SqlConnection> held = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (held.size() < SIZE && System.nanoTime() < deadline) {
            try {
                held.add(pool.getConnection().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS));
            } catch (Exception timeout) {
                // a connection still on its way back: try again
            }
        }
        System.out.println("overload: " + served + " served, " + timedOut + " timed out, " + held.size() + " free after");
        assertEquals(SIZE, held.size(), "connections free after the overload (the rest leaked); "
                + served + " served, " + timedOut + " timed out");
        for (SqlConnection connection : held) {
            assertEquals(1, connection.query("select 1").execute().toCompletionStage().toCompletableFuture()
                    .get(5, TimeUnit.SECONDS).iterator().next().getInteger(0));
            connection.close();
        }
    }

    /** One client: takes a connection, holds it a moment, gives it back; again until the time is up. */
    private void overload(Pool pool, long until, AtomicInteger served, AtomicInteger timedOut, Runnable finished) {
        if (System.nanoTime() > until) {
            finished.run();
            return;
        }
        pool.getConnection().compose(connection -> {
            served.incrementAndGet();
            return connection.query("select 1").execute().eventually(v -> connection.close());
        }).recover(failure -> {
            timedOut.incrementAndGet();
            return Future.succeededFuture();
        }).onComplete(ar -> overload(pool, until, served, timedOut, finished));
    }

    /** The test database (the test profile's, or _TEST_QUARKUS_DATASOURCE_REACTIVE_URL as the test runs set it). */
    private static PgConnectOptions database() {
        String url = System.getenv().getOrDefault("_TEST_QUARKUS_DATASOURCE_REACTIVE_URL",
                "postgresql://127.0.0.1:5432/serambi_test");
        return PgConnectOptions.fromUri(url.replaceFirst("\\?.*", "")).setUser("serambi").setPassword("serambi");
    }
}
