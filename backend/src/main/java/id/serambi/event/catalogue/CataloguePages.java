package id.serambi.event.catalogue;

import id.serambi.common.PgNotifications;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The public catalogue's pages, rendered to JSON once and served from memory until something on them changes. The
 * catalogue is the same for every caller, so a page is keyed by its filter, page number and size only.
 * <ul>
 * <li>Changes elsewhere: a trigger on events and registrations NOTIFYs {@value #CHANNEL} on commit (migration V22), so
 * every instance learns of a change whoever wrote. The pages become stale, not gone: the first request for a stale page
 * renders it again, and while it does, the other requests for that page are answered with the stale copy (which was
 * true a moment ago, as any page is by the time a NOTIFY arrives). So a change costs one render per page, not one per
 * waiting request, and no request waits behind a crowd of renders (issue 21: B1's tail). And a page is rendered again
 * at most once per {@link #REFILL_INTERVAL} for changes elsewhere: a registration every 25 ms must not mean a render
 * every 25 ms (the soak's drift, with V68's kept waitlist counts the second half of its cure).</li>
 * <li>Changes here: the instance that served a write drops its pages at once ({@link CatalogueWrites}), so a writer's
 * next read shows the write even before the notification arrives: a page read before a drop is never served again.
 * After the LISTEN connection returns from an outage, every page is dropped the same way.</li>
 * <li>Time: a page is fresh only until its first event opens or closes registration or ends, or, for the list of
 * events that have not ended, until the first matching event ends; and never longer than {@link #MAX_AGE}. An expired
 * page is refilled like a stale one.</li>
 * <li>Bounds: at most {@link #MAX_PAGES} pages (any filter makes a key); when full, all are dropped.</li>
 * </ul>
 */
@ApplicationScoped
public class CataloguePages {

    static final String CHANNEL = "serambi_catalogue";
    static final int MAX_PAGES = 512;
    static final Duration MAX_AGE = Duration.ofMinutes(5);
    static final Duration REFILL_INTERVAL = Duration.ofMillis(500);

    public record Key(EventRepository.Filter filter, int page, int size) {
    }

    /** A rendered page and the instant after which it may no longer be true. */
    public record Rendered(byte[] json, Instant validUntil) {
    }

    /** A kept page, the generation of the catalogue its data was read in, and when (System.nanoTime). */
    private record Kept(Rendered rendered, long generation, long readAt) {
    }

    private final PgNotifications notifications;
    private final Map<Key, Kept> pages = new ConcurrentHashMap<>();
    /** The pages being rendered again, with the generation each refill started in. */
    private final Map<Key, Long> refills = new ConcurrentHashMap<>();
    /** Moves on every change: a page read in an older generation is stale. */
    private final AtomicLong generation = new AtomicLong();
    /** The generation of the last drop: a page read before it is never served. */
    private final AtomicLong dropped = new AtomicLong();

    /** How long a page rendered after a change elsewhere is served stale through further changes elsewhere. */
    private final long refillNanos;

    @Inject
    public CataloguePages(PgNotifications notifications) {
        this(notifications, REFILL_INTERVAL);
    }

    CataloguePages(PgNotifications notifications, Duration refillInterval) {
        this.notifications = notifications;
        this.refillNanos = refillInterval.toNanos();
    }

    void listen(@Observes StartupEvent event) {
        notifications.channel(CHANNEL).subscribe().with(payload -> changedElsewhere());
        notifications.reconnects().subscribe().with(tick -> changed());
    }

    /** Drops every page: this instance changed something the catalogue shows (or may have missed a change). */
    public void changed() {
        dropped.set(generation.incrementAndGet());
        pages.clear();
    }

    /** Marks every page stale: a committed change, announced by the database. */
    void changedElsewhere() {
        generation.incrementAndGet();
    }

    /**
     * The page from memory; or, when it is stale and another request is rendering it already, the stale copy; or
     * rendered now (and kept, unless a drop happened meanwhile).
     */
    public Uni<byte[]> page(Key key, Supplier<Uni<Rendered>> render) {
        long current = generation.get();
        Instant now = Instant.now();
        long startedAt = System.nanoTime();
        Kept kept = pages.get(key);
        boolean usable = kept != null && kept.generation() >= dropped.get();
        if (usable && now.isBefore(kept.rendered().validUntil())
                && (kept.generation() == current || startedAt - kept.readAt() < refillNanos)) {
            return Uni.createFrom().item(kept.rendered().json()); // fresh, or stale but read less than an interval ago
        }
        if (usable) {
            Long claimed = refills.put(key, current);
            if (claimed != null && claimed == current) {
                return Uni.createFrom().item(kept.rendered().json()); // one refill of this generation is on its way
            }
        }
        return render.get().map(rendered -> {
            keep(key, new Kept(new Rendered(rendered.json(), earliest(rendered.validUntil(), now.plus(MAX_AGE))), current,
                    startedAt));
            return rendered.json();
        }).onTermination().invoke(() -> {
            if (usable) {
                refills.remove(key, current);
            }
        });
    }

    private void keep(Key key, Kept page) {
        if (page.generation() < dropped.get()) {
            return; // read before a drop
        }
        if (pages.size() >= MAX_PAGES && !pages.containsKey(key)) {
            pages.clear();
        }
        pages.merge(key, page, (old, fresh) -> fresh.generation() >= old.generation() ? fresh : old);
        if (page.generation() < dropped.get()) {
            pages.remove(key, page); // a drop arrived between the check and the put
        }
    }

    int size() {
        return pages.size();
    }

    static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }
}
