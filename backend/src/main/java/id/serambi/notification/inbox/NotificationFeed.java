package id.serambi.notification.inbox;

import id.serambi.common.PgNotifications;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * The unread counts of this instance's open notification streams. Changes arrive through the instance's LISTEN
 * connection ({@link PgNotifications}) on {@link NotificationRepository#CHANNEL}, so a notification committed on any
 * replica updates the badge on all. A stream ends when its token expires or its account changes (role, password,
 * erasure, "log out everywhere": channel {@code account_changed}); the SPA then reconnects with its current token.
 */
@ApplicationScoped
public class NotificationFeed {

    /** What a change is: notifications created for the account, or read by it. */
    public record Change(boolean created, long accountId) {
    }

    private static final Logger LOG = Logger.getLogger(NotificationFeed.class);

    private final BroadcastProcessor<Change> changes = BroadcastProcessor.create();
    private final BroadcastProcessor<Long> accountChanges = BroadcastProcessor.create();
    private final PgNotifications pg;
    private final NotificationRepository notifications;

    public NotificationFeed(PgNotifications pg, NotificationRepository notifications) {
        this.pg = pg;
        this.notifications = notifications;
    }

    void start(@Observes StartupEvent event) {
        pg.channel(NotificationRepository.CHANNEL).subscribe().with(this::received);
        pg.channel("account_changed").subscribe().with(payload -> {
            try {
                accountChanges.onNext(Long.parseLong(payload.strip()));
            } catch (NumberFormatException e) {
                LOG.debugf("Ignoring account_changed payload %s", payload);
            }
        });
    }

    private void received(String payload) {
        int colon = payload.indexOf(':');
        if (colon < 0) {
            return;
        }
        boolean created = payload.startsWith("new");
        for (String id : payload.substring(colon + 1).split(",")) {
            try {
                changes.onNext(new Change(created, Long.parseLong(id.strip())));
            } catch (NumberFormatException e) {
                LOG.debugf("Ignoring a malformed notification payload: %s", payload);
            }
        }
    }

    /** Every change from now on, for every account (the e-mail sender wakes up on new notifications). */
    public Multi<Change> changes() {
        return changes;
    }

    /** The item of {@link #unread} that stands for a heartbeat rather than a count. */
    public static final long HEARTBEAT = -1;
    private static final long END = Long.MIN_VALUE;

    /**
     * The account's unread count now, then after each change (repeats skipped), with {@link #HEARTBEAT} every
     * {@code heartbeat}; it completes at {@code until} (the token's expiry) or when the account changes.
     */
    public Multi<Long> unread(long accountId, Duration heartbeat, Instant until) {
        Multi<Long> triggers = Multi.createBy().merging().streams(Multi.createFrom().item(accountId),
                changes.filter(c -> c.accountId() == accountId).map(Change::accountId));
        Multi<Long> counts = triggers.onItem().transformToUniAndConcatenate(notifications::unreadNow)
                .skip().repetitions();
        Multi<Long> beats = Multi.createFrom().ticks().startingAfter(heartbeat).every(heartbeat).map(tick -> HEARTBEAT);
        Multi<Long> end = accountChanges.filter(id -> id == accountId).map(id -> END);
        Duration left = Duration.between(Instant.now(), until);
        return Multi.createBy().merging().streams(counts, beats, end)
                .select().first(n -> n != END)
                .select().first(left.isNegative() || left.isZero() ? Duration.ofMillis(1) : left);
    }
}
