package id.serambi.campaign.publishing;

import id.serambi.social.SocialAccounts;
import id.serambi.social.SocialPlatform;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Publishes scheduled post variants at their time, exactly once with any number of instances. Each run:
 * <ol>
 * <li>attempts left unfinished longer than the lease (a crashed or killed instance) become INTERRUPTED and their
 * variants CHECK_NEEDED: never re-sent blindly, staff check the platform;</li>
 * <li>due variants that are manual or whose platform is not connected become MANUAL_DUE and their authors are
 * reminded;</li>
 * <li>due variants are claimed ({@code UPDATE ... FOR UPDATE SKIP LOCKED}: PUBLISHING, attempts + 1, an attempt row
 * naming this instance), a small batch at a time, and that transaction commits BEFORE any platform call;</li>
 * <li>each claimed variant goes to its platform, outside any transaction, a few at once, and the answer is recorded:
 * PUBLISHED, RETRY_WAIT (temporary, with back-off, within the retry window), FAILED (permanent) or MANUAL_DUE (no
 * longer connected);</li>
 * <li>variants still not out 30 minutes after their time become MISSED, once, and their authors and the reviewers
 * are told.</li>
 * </ol>
 * A crash between a claim's commit and the answer's record leaves an unfinished attempt: step 1 finds it.
 */
@ApplicationScoped
public class PublishingJob {

    private static final Logger LOG = Logger.getLogger(PublishingJob.class);

    /** What one run did. */
    public record Run(int interrupted, int reminded, int claimed, int published, int missed) {
    }

    private final PublishingService service;
    private final SocialAccounts social;
    private final PublishingSettings settings;
    private final Vertx vertx;
    /** Names this instance in publish_attempt.instance: host, pid and a random part (a restarted process is another). */
    private final String instance = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);

    public PublishingJob(PublishingService service, SocialAccounts social, PublishingSettings settings, Vertx vertx) {
        this.service = service;
        this.social = social;
        this.settings = settings;
        this.vertx = vertx;
    }

    @Scheduled(identity = "campaign-publishing", every = "${serambi.campaigns.publish-every:10s}",
            delayed = "${serambi.campaigns.publish-delay:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return runOnce().onFailure().recoverWithItem(e -> {
            LOG.error("Publishing run failed", e);
            return null;
        }).replaceWithVoid();
    }

    /** One run (the scheduler's, or a test's). Each step stands alone: one that fails is logged and the next still runs. */
    public Uni<Run> runOnce() {
        return guarded("check-needed", service.interruptStale())
                .chain(interrupted -> service.connectedPlatforms()
                        .chain(connected -> guarded("reminders", service.remind(connected))
                                .chain(reminded -> claimAndPublish(connected, new int[] { 0, 0 })
                                        .chain(published -> guarded("missed", service.markMissed()).map(missed -> {
                                            Run run = new Run(interrupted, reminded, published[0], published[1], missed);
                                            if (run.interrupted() + run.reminded() + run.claimed() + run.missed() > 0) {
                                                LOG.infof("Publishing: %s", run);
                                            }
                                            return run;
                                        })))));
    }

    private static Uni<Integer> guarded(String step, Uni<Integer> work) {
        return work.onFailure().recoverWithItem(e -> {
            LOG.errorf(e, "Publishing step %s failed", step);
            return 0;
        });
    }

    /**
     * Claims a batch and publishes it, again while batches come back full: a small batch keeps what a crash can cut
     * off small, the loop keeps a crowded minute moving. Returns {claimed, published}.
     */
    private Uni<int[]> claimAndPublish(Set<SocialPlatform> connected, int[] sofar) {
        return service.claim(connected, instance).chain(due -> publishAll(due).chain(done -> {
            int[] total = { sofar[0] + done[0], sofar[1] + done[1] };
            return due.size() >= settings.publishBatch() ? claimAndPublish(connected, total) : Uni.createFrom().item(total);
        }));
    }

    /** Calls the platforms, {@code publishConcurrency} at once; returns {claimed, published}. */
    private Uni<int[]> publishAll(List<PublishingService.Due> due) {
        if (due.isEmpty()) {
            return Uni.createFrom().item(new int[] { 0, 0 });
        }
        return Multi.createFrom().iterable(due)
                .onItem().transformToUni(d -> onOwnContext(() -> publishOne(d)))
                .merge(Math.max(1, settings.publishConcurrency()))
                .collect().asList()
                .map(results -> new int[] { due.size(), (int) results.stream().filter(Boolean::booleanValue).count() });
    }

    private Uni<Boolean> publishOne(PublishingService.Due d) {
        // The answer is recorded on a context of its own too: nothing of the platform call's sessions is reused.
        return social.publish(d.platform(), d.post())
                .onItem().transformToUni(published -> onOwnContext(
                        () -> service.recordPublished(d.variantId(), d.postId(), published).replaceWith(true)))
                .onFailure().recoverWithUni(error -> onOwnContext(
                        () -> service.recordFailure(d.variantId(), d.postId(), error).replaceWith(false)))
                // Recording failed (the database went away): the attempt stays unfinished and step 1 of a later run
                // marks it CHECK_NEEDED. Never re-sent.
                .onFailure().recoverWithItem(error -> {
                    LOG.errorf(error, "Could not record the answer for variant %d (%s)", d.variantId(), d.platform());
                    return false;
                });
    }

    /**
     * Each variant on its own duplicated Vert.x context: the platform call and its record open their own sessions, which
     * live in the context and must not be shared between variants going out at once.
     */
    private <T> Uni<T> onOwnContext(Supplier<Uni<T>> work) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        return Uni.createFrom().emitter(emitter -> context.runOnContext(ignored -> {
            try {
                work.get().subscribe().with(emitter::complete, emitter::fail);
            } catch (RuntimeException e) {
                emitter.fail(e);
            }
        }));
    }
}
