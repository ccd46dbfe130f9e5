package id.serambi.notification.mail;

import id.serambi.account.Accounts;
import id.serambi.common.BackgroundRun;
import id.serambi.notification.inbox.NotificationFeed;
import id.serambi.notification.inbox.NotificationRepository;
import id.serambi.notification.inbox.NotificationRepository.PendingEmail;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Sends the notifications' e-mails after their commit: the outbox is the notification table (email_state PENDING). A
 * run claims waiting rows (PENDING → SENDING, committed, {@code SKIP LOCKED}), sends them and marks them SENT; so with
 * any number of instances each e-mail is claimed by one run and sent at most once (a crash after the claim loses that
 * e-mail rather than sending it twice, as with the event reminders). It runs every
 * {@code serambi.notifications.mail-every} and, while that is not off, also as soon as a notification is committed.
 */
@ApplicationScoped
public class NotificationMailSender {

    private static final Logger LOG = Logger.getLogger(NotificationMailSender.class);

    private final NotificationRepository notifications;
    private final Accounts accounts;
    private final NotificationMails mails;
    private final NotificationFeed feed;
    private final NotificationMailSettings settings;
    private final BackgroundRun background;

    public NotificationMailSender(NotificationRepository notifications, Accounts accounts, NotificationMails mails,
            NotificationFeed feed, NotificationMailSettings settings, Vertx vertx) {
        this.notifications = notifications;
        this.accounts = accounts;
        this.mails = mails;
        this.feed = feed;
        this.settings = settings;
        this.background = new BackgroundRun(vertx, this::sendAll);
    }

    void wakeOnNewNotifications(@Observes StartupEvent event) {
        String every = settings.mailEvery().strip().toLowerCase();
        if (every.equals("off") || every.equals("disabled")) {
            return;
        }
        feed.changes().filter(NotificationFeed.Change::created).subscribe().with(change -> wake());
    }

    /**
     * Runs now, or once more right after the run under way: many notifications at once cost one or two runs. Called on
     * the LISTEN connection's event loop: the run gets a context of its own ({@link BackgroundRun}), since a session
     * cannot be awaited there.
     */
    public void wake() {
        background.wake();
    }

    @Scheduled(identity = "notification-mails", every = "${serambi.notifications.mail-every:15s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return sendAll().replaceWithVoid();
    }

    private Uni<Integer> sendAll() {
        return sendPending().onFailure().recoverWithItem(e -> {
            LOG.error("Notification e-mails failed", e);
            return 0;
        });
    }

    /** Claims and sends one batch of waiting e-mails; how many this run sent. Tests call it directly. */
    public Uni<Integer> sendPending() {
        return claim().chain(claimed -> claimed.isEmpty() ? Uni.createFrom().item(0)
                : contacts(claimed).chain(byId -> Uni.join().all(claimed.stream()
                        .map(n -> byId.containsKey(n.accountId()) ? mails.send(byId.get(n.accountId()), n)
                                : Uni.createFrom().voidItem())
                        .toList()).usingConcurrencyOf(8).andCollectFailures())
                        .chain(() -> markSent(claimed.stream().map(PendingEmail::id).toList()))
                        .map(ignored -> {
                            LOG.debugf("Sent %d notification e-mails", claimed.size());
                            return claimed.size();
                        }));
    }

    @WithTransaction
    Uni<List<PendingEmail>> claim() {
        return notifications.claimPendingEmails(settings.mailBatch());
    }

    @WithSession
    Uni<Map<Long, Accounts.Contact>> contacts(List<PendingEmail> claimed) {
        return accounts.contacts(claimed.stream().map(PendingEmail::accountId).distinct().toList())
                .map(found -> found.stream().collect(Collectors.toMap(Accounts.Contact::id, Function.identity())));
    }

    @WithTransaction
    Uni<Void> markSent(List<Long> ids) {
        return notifications.markSent(ids);
    }
}
