package id.serambi.notification.inbox;

import id.serambi.common.PersonalDataPart;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** A person's notifications (with their e-mail state) and e-mail preferences: exported, and erased with them. */
@ApplicationScoped
public class NotificationPersonalData implements PersonalDataPart {

    private final NotificationRepository notifications;

    public NotificationPersonalData(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    @Override
    public String key() {
        return "notifications";
    }

    @Override
    public Uni<String> export(Member member) {
        return notifications.exportJson(member.userId());
    }

    @Override
    public Uni<Void> erase(Member member) {
        return notifications.erase(member.userId());
    }
}
