package id.serambi.notification.inbox;

import id.serambi.common.ProblemException;
import id.serambi.notification.NotificationKind;
import id.serambi.notification.inbox.InboxDtos.EmailSetting;
import id.serambi.notification.inbox.InboxDtos.NotificationPage;
import id.serambi.notification.inbox.InboxDtos.NotificationView;
import id.serambi.notification.inbox.InboxDtos.ReadAll;
import id.serambi.notification.inbox.InboxDtos.Settings;
import id.serambi.notification.inbox.InboxDtos.UnreadCount;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** A signed-in person's own notifications and e-mail preferences; nobody reaches anyone else's. */
@ApplicationScoped
public class InboxService {

    private final NotificationRepository notifications;

    public InboxService(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    @WithSession
    public Uni<NotificationPage> list(long accountId, boolean unreadOnly, int page, int size) {
        return notifications.page(accountId, unreadOnly, page, size)
                .chain(items -> notifications.count(accountId, unreadOnly).map(total -> new NotificationPage(
                        items.stream().map(InboxService::view).toList(), page, size, total)));
    }

    @WithSession
    public Uni<UnreadCount> unread(long accountId) {
        return notifications.count(accountId, true).map(UnreadCount::new);
    }

    /** 404 for an unknown id and for someone else's: the answer never tells them apart. */
    @WithTransaction
    public Uni<NotificationView> markRead(long accountId, long id) {
        return notifications.markRead(accountId, id).chain(found -> {
            if (!found) {
                return Uni.createFrom().failure(ProblemException.notFound("Notification", id));
            }
            return notifications.findById(id).map(InboxService::view);
        });
    }

    @WithTransaction
    public Uni<ReadAll> markAllRead(long accountId) {
        return notifications.markAllRead(accountId).map(ReadAll::new);
    }

    /** Every kind, in the enum's order, with its e-mail on or off. */
    @WithSession
    public Uni<Settings> settings(long accountId) {
        return notifications.emailOff(accountId).map(InboxService::settings);
    }

    /** Sets the listed kinds; the others stay as they were. A kind listed twice is a 400. */
    @WithTransaction
    public Uni<Settings> updateSettings(long accountId, Settings request) {
        Set<NotificationKind> seen = EnumSet.noneOf(NotificationKind.class);
        for (int i = 0; i < request.kinds().size(); i++) {
            if (!seen.add(request.kinds().get(i).kind())) {
                throw ProblemException.invalidField("kinds[" + i + "].kind",
                        request.kinds().get(i).kind() + " appears twice");
            }
        }
        Uni<Void> writes = Uni.createFrom().voidItem();
        for (EmailSetting setting : request.kinds()) {
            writes = writes.chain(() -> notifications.setEmail(accountId, setting.kind(), setting.email()));
        }
        return writes.chain(() -> notifications.emailOff(accountId)).map(InboxService::settings);
    }

    private static Settings settings(Set<String> off) {
        List<EmailSetting> kinds = new ArrayList<>();
        for (NotificationKind kind : NotificationKind.values()) {
            kinds.add(new EmailSetting(kind, !off.contains(kind.name())));
        }
        return new Settings(kinds);
    }

    static NotificationView view(Notification n) {
        NotificationKind kind = Arrays.stream(NotificationKind.values()).filter(k -> k.name().equals(n.kind))
                .findFirst().orElse(null);
        return new NotificationView(n.id, kind, n.title, n.body, n.link, n.createdAt, n.readAt);
    }
}
