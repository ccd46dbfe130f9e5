package id.serambi.notification.mail;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The notification e-mails' sender (SERAMBI_NOTIFICATIONS_MAIL_EVERY, SERAMBI_NOTIFICATIONS_MAIL_BATCH). */
@ConfigMapping(prefix = "serambi.notifications")
public interface NotificationMailSettings {

    /**
     * How often the sender looks for waiting e-mails (a Quarkus scheduler period such as 15s, or off). While it runs,
     * a new notification also wakes it at once on every instance.
     */
    @WithDefault("15s")
    String mailEvery();

    /** The most e-mails one run claims. */
    @WithDefault("100")
    int mailBatch();
}
