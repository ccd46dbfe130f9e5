package id.serambi.event.catalogue;

import id.serambi.common.PgNotifications;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
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
 * <li>Changes: a trigger on events and registrations NOTIFYs {@value #CHANNEL} on commit (migration V22), so every
 * instance drops its pages whoever wrote; the instance that served a write also drops them at once
 * ({@link CatalogueWrites}), so a writer's next read shows the write even before the notification arrives.</li>
 * <li>Time: a page is kept only until its first event opens or closes registration or ends, or, for the list of
 * events that have not ended, until the first matching event ends; and never longer than {@link #MAX_AGE}.</li>
 * <li>Bounds: at most {@link #MAX_PAGES} pages (any filter makes a key); when full, all are dropped.</li>
 * <li>A page rendered from data read before a change is not kept: the generation it started in must still hold.
 * After the LISTEN connection returns from an outage, every page is dropped.</li>
 * </ul>
 */
@ApplicationScoped
public class CataloguePages {

    static final String CHANNEL = "serambi_catalogue";
    static final int MAX_PAGES = 512;
    static final Duration MAX_AGE = Duration.ofMinutes(5);

    public record Key(EventRepository.Filter filter, int page, int size) {
    }

    /** A rendered page and the instant after which it may no longer be true. */
    public record Rendered(byte[] json, Instant validUntil) {
    }

    private final PgNotifications notifications;
    private final Map<Key, Rendered> pages = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    public CataloguePages(PgNotifications notifications) {
        this.notifications = notifications;
    }

    void listen(@Observes StartupEvent event) {
        notifications.channel(CHANNEL).subscribe().with(payload -> changed());
        notifications.reconnects().subscribe().with(tick -> changed());
    }

    /** Drops every page: something the catalogue shows has changed. */
    public void changed() {
        generation.incrementAndGet();
        pages.clear();
    }

    /** The page from memory, or rendered now (and kept, unless the catalogue changed meanwhile). */
    public Uni<byte[]> page(Key key, Supplier<Uni<Rendered>> render) {
        Rendered kept = pages.get(key);
        Instant now = Instant.now();
        if (kept != null && now.isBefore(kept.validUntil())) {
            return Uni.createFrom().item(kept.json());
        }
        long startedIn = generation.get();
        return render.get().map(rendered -> {
            Rendered bounded = new Rendered(rendered.json(), earliest(rendered.validUntil(), now.plus(MAX_AGE)));
            if (generation.get() == startedIn) {
                if (pages.size() >= MAX_PAGES) {
                    pages.clear();
                }
                pages.put(key, bounded);
                if (generation.get() != startedIn) {
                    pages.remove(key, bounded); // a change arrived between the check and the put
                }
            }
            return rendered.json();
        });
    }

    int size() {
        return pages.size();
    }

    static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }
}
