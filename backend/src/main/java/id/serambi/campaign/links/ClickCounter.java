package id.serambi.campaign.links;

import id.serambi.campaign.links.LinkRepository.ClickCount;
import id.serambi.common.SerambiConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Counts the redirect's clicks in memory and adds them to the database in batches, so that counting never slows or
 * fails a redirect.
 *
 * <ul>
 * <li>A click adds 1 to the {@link LongAdder} of its key (link, day in the library's zone, device class, bot): no
 * lock, no database, whatever the number of concurrent clicks.</li>
 * <li>Every {@code serambi.links.flush-interval} (1 s) the counts are taken out of the adders
 * ({@link LongAdder#sumThenReset()}, which on JDK 17+ takes each cell with an atomic get-and-set, so a click that
 * lands meanwhile stays for the next flush) and added in one upsert. Instances add up: each adds its own counts.</li>
 * <li>A flush that fails (the database away) puts its counts back: nothing is lost, only later.</li>
 * <li>Flushes never overlap. A clean stop waits for the flush under way, then flushes what is left.</li>
 * </ul>
 * What is lost is only what a killed instance (kill -9) counted since its last flush: at most one interval's clicks.
 */
@ApplicationScoped
public class ClickCounter {

    private static final Logger LOG = Logger.getLogger(ClickCounter.class);

    /** A row of link_click being counted. */
    record Key(long linkId, LocalDate day, Device device, boolean bot) {
    }

    private final ConcurrentHashMap<Key, LongAdder> counts = new ConcurrentHashMap<>();
    private final Function<List<ClickCount>, Uni<?>> writer;
    private final ZoneId zone;
    private final Clock clock;
    private final Duration interval;
    private final Vertx vertx;
    /** The flush under way or the last one; the next is chained after it. Guarded by this. */
    private CompletableFuture<Void> last = CompletableFuture.completedFuture(null);
    private volatile long timer = -1;
    private volatile boolean stopped;

    @Inject
    public ClickCounter(LinkRepository links, SerambiConfig config, LinkSettings settings, Vertx vertx) {
        this(links::addClicks, config.library().timeZone(), Clock.systemUTC(), settings.flushInterval(), vertx);
    }

    /** A counter writing through {@code writer} (tests point it at a database that fails), flushed by hand. */
    ClickCounter(Function<List<ClickCount>, Uni<?>> writer, ZoneId zone, Clock clock, Duration interval, Vertx vertx) {
        this.writer = writer;
        this.zone = zone;
        this.clock = clock;
        this.interval = interval;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        if (vertx != null && !interval.isZero() && !interval.isNegative()) {
            timer = vertx.setPeriodic(interval.toMillis(), id -> flush());
        }
    }

    /** One click on this link, on today's date in the library's zone. */
    public void count(long linkId, Visitors.Visit visit) {
        Key key = new Key(linkId, LocalDate.now(clock.withZone(zone)), visit.device(), visit.bot());
        LongAdder adder = counts.get(key);
        if (adder == null) {
            adder = counts.computeIfAbsent(key, k -> new LongAdder());
        }
        adder.increment();
    }

    /** Clicks counted but not yet in the database. */
    public long pending() {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /**
     * Adds what was counted to the database, after the flush under way if any; completes when done. A failure puts
     * the counts back and completes the stage exceptionally.
     */
    public synchronized CompletableFuture<Void> flush() {
        CompletableFuture<Void> next = last.handle((ignored, error) -> null).thenCompose(ignored -> flushNow());
        last = next;
        return next;
    }

    private CompletableFuture<Void> flushNow() {
        List<ClickCount> batch = new ArrayList<>();
        LocalDate yesterday = LocalDate.now(clock.withZone(zone)).minusDays(1);
        for (Map.Entry<Key, LongAdder> e : counts.entrySet()) {
            long n = e.getValue().sumThenReset();
            Key k = e.getKey();
            if (n > 0) {
                batch.add(new ClickCount(k.linkId(), k.day(), k.device(), k.bot(), n));
            } else if (k.day().isBefore(yesterday)) {
                counts.remove(k, e.getValue()); // nobody counts on a day before yesterday any more
            }
        }
        if (batch.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        Uni<?> write;
        try {
            write = writer.apply(batch);
        } catch (RuntimeException e) {
            write = Uni.createFrom().failure(e);
        }
        write.subscribe().with(ignored -> done.complete(null), error -> {
            for (ClickCount c : batch) {
                counts.computeIfAbsent(new Key(c.linkId(), c.day(), c.device(), c.bot()), k -> new LongAdder())
                        .add(c.clicks());
            }
            if (!stopped) {
                LOG.warnf("Could not add %d rows of link clicks (kept for the next try): %s", batch.size(), error.toString());
            }
            done.completeExceptionally(error);
        });
        return done;
    }

    /** A clean stop: no more periodic flushes; the one under way ends, then the rest is flushed (waited for). */
    void stop(@Observes ShutdownEvent event) {
        shutdown(Duration.ofSeconds(10));
    }

    /** Stops the timer and flushes what is left, waiting at most {@code wait}; whether everything got out. */
    public boolean shutdown(Duration wait) {
        if (timer >= 0 && vertx != null) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
        try {
            flush().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            stopped = true;
            return pending() == 0;
        } catch (Exception e) {
            stopped = true;
            LOG.errorf("%d link clicks could not be written on stop: %s", pending(), e.toString());
            return false;
        }
    }
}
