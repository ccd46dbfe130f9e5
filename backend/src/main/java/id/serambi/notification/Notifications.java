package id.serambi.notification;

import id.serambi.account.Role;
import io.smallrye.mutiny.Uni;
import java.util.Collection;

/**
 * What other features may know of notifications: the published interface of the notification feature. Both methods
 * write in the caller's transaction (chain them on its session): the notification exists exactly when what it is about
 * was committed. The e-mail goes out after the commit, unless the person turned that kind of e-mail off; the badge of
 * every open SPA is updated over SSE.
 */
public interface Notifications {

    /** Notifies these accounts (duplicates and unknown ids are ignored). */
    Uni<Void> notify(Collection<Long> accountIds, Notice notice);

    /** Notifies every active account with this role (e.g. all reviewers, all admins). */
    Uni<Void> notifyRole(Role role, Notice notice);
}
