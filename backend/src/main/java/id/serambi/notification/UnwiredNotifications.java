package id.serambi.notification;

import id.serambi.account.Role;
import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;

/** TEMPORARY (issue 15, until the notification centre lands): notifies nobody. Delete it then. */
@DefaultBean
@ApplicationScoped
public class UnwiredNotifications implements Notifications {

    @Override
    public Uni<Void> notify(Collection<Long> accountIds, Notice notice) {
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Void> notifyRole(Role role, Notice notice) {
        return Uni.createFrom().voidItem();
    }
}
