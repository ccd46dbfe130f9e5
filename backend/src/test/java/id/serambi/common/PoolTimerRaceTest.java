package id.serambi.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.spi.PgDriver;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 point 14: the test log carried "Result is already complete" ERRORs from the SQL pool. They come from
 * vertx-sql-client#1706: a pooled query whose connection cannot be had fails at once, and the acquisition timer, left
 * running, fails it again when it fires. Reproduced here with a pool pointed at a closed port; the report must not be
 * an ERROR, and any other uncaught exception still must.
 */
@QuarkusTest
class PoolTimerRaceTest {

    private static final String QUARKUS_HANDLER = "io.quarkus.vertx.core.runtime.VertxCoreRecorder";

    @Inject
    Vertx vertx;

    @Test
    void theSqlPoolsLateTimerIsNotAnErrorButOtherUncaughtFailuresStillAre() throws Exception {
        List<String> errors = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                    errors.add(String.valueOf(record.getMessage()) + " " + record.getThrown());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(QUARKUS_HANDLER);
        logger.addHandler(capture);
        PoolOptions options = new PoolOptions().setMaxSize(1).setConnectionTimeout(300)
                .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS);
        // Port 1 on this machine refuses at once: the query fails long before its 300 ms acquisition timeout.
        Pool pool = PgDriver.INSTANCE.createPool(vertx,
                List.of(new PgConnectOptions().setHost("127.0.0.1").setPort(1).setDatabase("none").setUser("none")),
                options);
        try {
            CompletableFuture<Throwable> failed = new CompletableFuture<>();
            vertx.runOnContext(v -> pool.query("SELECT 1").execute().onComplete(ar -> failed.complete(ar.cause())));
            assertNotNull(failed.get(10, TimeUnit.SECONDS), "the query fails: nothing listens on port 1");
            Thread.sleep(1500); // the acquisition timer fires after 300 ms
            assertEquals(List.of(), errors, "the pool's late timer is not reported as an ERROR");

            vertx.runOnContext(v -> {
                throw new IllegalStateException("Result is already complete"); // the same words, another place
            });
            long deadline = System.currentTimeMillis() + 10_000;
            while (errors.isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(1, errors.size(), "any other uncaught failure still reaches Quarkus' handler: " + errors);
            assertTrue(errors.get(0).contains("IllegalStateException"), errors.get(0));
        } finally {
            pool.close();
            logger.removeHandler(capture);
        }
    }
}
