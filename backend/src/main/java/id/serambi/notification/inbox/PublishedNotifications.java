package id.serambi.notification.inbox;

import id.serambi.account.Accounts;
import id.serambi.account.Role;
import id.serambi.notification.Notice;
import id.serambi.notification.Notifications;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * {@link Notifications} for the other features: rows in the caller's transaction (on its session), an e-mail waiting
 * in the outbox, and the unread count announced to every instance at commit.
 */
@ApplicationScoped
public class PublishedNotifications implements Notifications {

    private final NotificationRepository notifications;
    private final Accounts accounts;

    public PublishedNotifications(NotificationRepository notifications, Accounts accounts) {
        this.notifications = notifications;
        this.accounts = accounts;
    }

    @Override
    public Uni<Void> notify(Collection<Long> accountIds, Notice notice) {
        check(notice);
        List<Long> ids = accountIds.stream().filter(Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return accounts.contacts(ids)
                .chain(known -> notifications.insert(known.stream().map(Accounts.Contact::id).toList(), notice));
    }

    @Override
    public Uni<Void> notifyRole(Role role, Notice notice) {
        check(notice);
        return accounts.idsWithRole(role).chain(ids -> notifications.insert(ids, notice));
    }

    /** A notice is written by code, not typed by people: a broken one is a bug, caught before anything is written. */
    private static void check(Notice notice) {
        if (notice == null || notice.kind() == null || notice.title() == null || notice.title().isBlank()
                || notice.body() == null) {
            throw new IllegalArgumentException("A notice needs a kind, a title and a body: " + notice);
        }
        if (notice.title().length() > 300 || notice.link() != null && (notice.link().length() > 500
                || !notice.link().startsWith("/"))) {
            throw new IllegalArgumentException("A notice's title is at most 300 characters and its link a path: " + notice);
        }
    }
}
