package id.serambi.conversation.threads;

import id.serambi.account.Role;
import id.serambi.conversation.ConversationChannel;
import id.serambi.notification.Notice;
import id.serambi.notification.NotificationKind;
import id.serambi.notification.Notifications;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The unassigned-thread alert: every {@code serambi.conversations.unassigned-alert-every}, the threads that have had no
 * assignee for longer than {@code serambi.conversations.unassigned-alert-after} and are not DONE are announced to staff
 * and admins (the roles that work the inbox), once per thread. The claim is one UPDATE ... RETURNING that stamps the
 * thread, committed with the notifications, so with any number of instances each thread is announced once. A new
 * message does not announce it again; assigning it clears the stamp, so a thread unassigned later is announced again
 * once it has waited the set time. The notice names neither the contact nor the message: a minor's words stay in the
 * inbox.
 */
@ApplicationScoped
public class ThreadAlerts {

    private static final Logger LOG = Logger.getLogger(ThreadAlerts.class);
    static final int BATCH = 100;

    private final ThreadRepository threads;
    private final Notifications notifications;
    private final Duration after;

    public ThreadAlerts(ThreadRepository threads, Notifications notifications, ConversationSettings settings) {
        this.threads = threads;
        this.notifications = notifications;
        this.after = settings.unassignedAlertAfter();
    }

    @Scheduled(identity = "conversation-unassigned-alert", every = "${serambi.conversations.unassigned-alert-every:1m}",
            delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return alert(Instant.now()).onFailure().recoverWithItem(e -> {
            LOG.error("The unassigned-thread alert failed", e);
            return List.of();
        }).replaceWithVoid();
    }

    /**
     * Announces the threads unassigned since before {@code now} minus the set time; answers their ids. Tests call it
     * directly, with the time they need.
     */
    @WithTransaction
    public Uni<List<Long>> alert(Instant now) {
        return threads.claimUnassignedAlerts(now.minus(after), BATCH).call(claimed -> Multi.createFrom().iterable(claimed)
                .onItem().transformToUniAndConcatenate(t -> {
                    Notice n = notice(t);
                    return notifications.notifyRole(Role.STAFF, n).chain(() -> notifications.notifyRole(Role.ADMIN, n));
                })
                .collect().asList())
                .map(claimed -> claimed.stream().map(ThreadRepository.Unassigned::id).toList());
    }

    private Notice notice(ThreadRepository.Unassigned t) {
        long minutes = Math.max(1, after.toMinutes());
        return new Notice(NotificationKind.CONVERSATION_UNASSIGNED,
                "Percakapan belum ditangani: " + label(t.channel()),
                "Percakapan #" + t.id() + " (" + label(t.channel()) + ") belum ditugaskan kepada siapa pun selama lebih dari "
                        + minutes + " menit. Buka kotak masuk untuk menugaskan dan menjawabnya.",
                "/staf/percakapan?utas=" + t.id());
    }

    private static String label(ConversationChannel channel) {
        return switch (channel) {
            case FACEBOOK -> "Facebook";
            case INSTAGRAM -> "Instagram";
            case X -> "X";
            case WHATSAPP -> "WhatsApp";
            case WEB -> "formulir web";
        };
    }
}
