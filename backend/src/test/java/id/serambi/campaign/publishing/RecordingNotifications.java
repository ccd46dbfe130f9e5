package id.serambi.campaign.publishing;

import id.serambi.account.Role;
import id.serambi.notification.Notice;
import id.serambi.notification.Notifications;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.Collection;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Notifications as the publishing tests see them (enabled only by {@link PublishingProfile}): the notification centre
 * lives on another branch; here each call is recorded as who (account ids or a role) and what.
 */
@Alternative
@ApplicationScoped
public class RecordingNotifications implements Notifications {

    record Sent(String to, Notice notice) {
    }

    final Queue<Sent> sent = new ConcurrentLinkedQueue<>();

    /** Through a method: tests hold a client proxy, whose fields are not the bean's. */
    List<Sent> about(long postId) {
        return sent.stream().filter(s -> ("/staf/konten/" + postId).equals(s.notice().link())).toList();
    }

    @Override
    public Uni<Void> notify(Collection<Long> accountIds, Notice notice) {
        sent.add(new Sent(accountIds.toString(), notice));
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Void> notifyRole(Role role, Notice notice) {
        sent.add(new Sent(role.name(), notice));
        return Uni.createFrom().voidItem();
    }
}
