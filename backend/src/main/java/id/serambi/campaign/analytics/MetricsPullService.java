package id.serambi.campaign.analytics;

import id.serambi.campaign.analytics.MetricsPullRepository.Claimed;
import id.serambi.social.PostMetrics;
import id.serambi.social.PublishFailure;
import id.serambi.social.SocialAccounts;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

/**
 * Metrics pulled back: every {@code serambi.campaigns.metrics-pull-every} (4h), the figures of each variant published
 * on its platform in the last 30 days (it has the platform's id) are read through {@link SocialAccounts#metrics} and
 * stored as a {@code variant_metric} snapshot with source API, the model the CSV import fills. Each variant is claimed
 * in the database for the round before its platform is called, so that with several instances (or a click on "Tarik
 * sekarang" during a run) each variant is pulled once per round. One variant's failure never stops the others; a
 * platform that is not connected, or whose connection needs reconnecting, is skipped.
 */
@ApplicationScoped
public class MetricsPullService {

    private static final Logger LOG = Logger.getLogger(MetricsPullService.class);
    static final Duration WINDOW = Duration.ofDays(30);
    static final int BATCH = 50;

    @Schema(name = "MetricsPullResult")
    public record Result(@Schema(description = "Variants claimed in this run (not pulled yet this round)") int claimed,
            @Schema(description = "Snapshots stored from the platforms") int updated,
            @Schema(description = "Skipped: their platform is not connected or needs reconnecting") int notConnected,
            @Schema(description = "The platform failed (temporarily or for good); tried again next round") int failed) {
    }

    private final MetricsPullRepository pulls;
    private final VariantMetricRepository metrics;
    private final SocialAccounts social;
    private final Duration round;

    public MetricsPullService(MetricsPullRepository pulls, VariantMetricRepository metrics, SocialAccounts social,
            MetricsPullSettings settings) {
        this.pulls = pulls;
        this.metrics = metrics;
        this.social = social;
        this.round = round(settings.metricsPullEvery());
    }

    /**
     * How long a pulled variant waits before the next pull: the job's period less a minute (so the next scheduled run
     * finds it due), 4 hours when the job is off.
     */
    static Duration round(String every) {
        Duration period;
        try {
            String v = every.strip().toUpperCase(Locale.ROOT);
            period = v.startsWith("P") ? Duration.parse(v)
                    : Duration.parse(v.endsWith("D") ? "P" + v : "PT" + v);
        } catch (RuntimeException e) {
            period = Duration.ofHours(4);
        }
        Duration slack = Duration.ofMinutes(1);
        return period.compareTo(slack.multipliedBy(2)) < 0 ? period : period.minus(slack);
    }

    @Scheduled(identity = "metrics-pull", every = "${serambi.campaigns.metrics-pull-every:4h}",
            delayed = "${serambi.campaigns.metrics-pull-delay:2m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return pullOnce().onFailure().recoverWithItem(e -> {
            LOG.error("Pulling metrics from the platforms failed", e);
            return null;
        }).replaceWithVoid();
    }

    /** One round: pulls every variant that is due, and says how it went. Calls the platforms outside transactions. */
    public Uni<Result> pullOnce() {
        Instant now = Instant.now();
        Tally tally = new Tally();
        return next(now.minus(WINDOW), now.minus(round), tally).map(x -> tally.result());
    }

    private Uni<Void> next(Instant since, Instant due, Tally tally) {
        return Panache.withTransaction(() -> pulls.claim(since, due, BATCH)).chain(batch -> {
            if (batch.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            tally.claimed.addAndGet(batch.size());
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Claimed c : batch) {
                chain = chain.chain(() -> pull(c, tally));
            }
            return chain.chain(() -> batch.size() < BATCH ? Uni.createFrom().voidItem() : next(since, due, tally));
        });
    }

    private Uni<Void> pull(Claimed c, Tally tally) {
        return social.metrics(c.platform(), c.externalId())
                .chain(m -> Panache.withTransaction(() -> metrics.persist(snapshot(c.variantId(), m))))
                .invoke(x -> tally.updated.incrementAndGet()).replaceWithVoid()
                .onFailure().recoverWithItem(e -> {
                    if (e instanceof PublishFailure f && (f.kind() == PublishFailure.Kind.NOT_CONNECTED
                            || f.kind() == PublishFailure.Kind.TOKEN_INVALID)) {
                        tally.notConnected.incrementAndGet();
                    } else {
                        tally.failed.incrementAndGet();
                        LOG.warnf("Metrics of variant %d (%s %s) not pulled: %s", c.variantId(), c.platform().label(),
                                c.externalId(), e instanceof PublishFailure ? e.getMessage() : e.toString());
                    }
                    return null;
                });
    }

    static VariantMetric snapshot(long variantId, PostMetrics m) {
        Map<MetricsImportService.Field, Long> values = new EnumMap<>(MetricsImportService.Field.class);
        put(values, MetricsImportService.Field.IMPRESSIONS, m.impressions());
        put(values, MetricsImportService.Field.REACH, m.reach());
        put(values, MetricsImportService.Field.REACTIONS, m.reactions());
        put(values, MetricsImportService.Field.COMMENTS, m.comments());
        put(values, MetricsImportService.Field.SHARES, m.shares());
        put(values, MetricsImportService.Field.SAVES, m.saves());
        put(values, MetricsImportService.Field.CLICKS, m.clicks());
        put(values, MetricsImportService.Field.VIDEO_VIEWS, m.videoViews());
        return MetricsImportService.snapshot(variantId, "API", values);
    }

    private static void put(Map<MetricsImportService.Field, Long> values, MetricsImportService.Field f, Long value) {
        if (value != null && value >= 0) {
            values.put(f, value);
        }
    }

    private static final class Tally {
        final AtomicInteger claimed = new AtomicInteger();
        final AtomicInteger updated = new AtomicInteger();
        final AtomicInteger notConnected = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();

        Result result() {
            return new Result(claimed.get(), updated.get(), notConnected.get(), failed.get());
        }
    }
}
