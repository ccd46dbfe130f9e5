package id.serambi.common;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Every e-mail the app sends goes out here. A failed send is logged and never undoes what the e-mail is about.
 * <p>
 * With the mock mailer on in a packaged app (QUARKUS_MAILER_MOCK=true, the default), e-mail is dropped, and a warning
 * at start-up says so: Quarkus's mock mailbox would keep every message (patrons' addresses, manage links) in memory for
 * as long as the app runs, in a map that both event loops write at once. Each dropped e-mail is a DEBUG line of this
 * category (off unless asked for: it names the recipient). Dev mode and tests keep the mock mailbox, where the e-mails
 * can be read, and so does the browser-test profile (e2e), whose tests read it through a test-only endpoint.
 */
@ApplicationScoped
public class MailOut {

    private static final Logger LOG = Logger.getLogger(MailOut.class);

    private final ReactiveMailer mailer;
    private final boolean dropped;

    public MailOut(ReactiveMailer mailer,
            @ConfigProperty(name = "quarkus.mailer.mock", defaultValue = "false") boolean mock) {
        this.mailer = mailer;
        // The browser tests (profile e2e) read the mock mailbox through event.registration.E2eMailboxResource: keep it there.
        this.dropped = mock && !LaunchMode.current().isDevOrTest()
                && !ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getProfiles().contains("e2e");
    }

    /** Sends the mail; {@code what} names it in the log line when it fails. */
    public Uni<Void> send(Mail mail, String what) {
        if (dropped) {
            LOG.debugf("E-mail dropped (mock mailer): \"%s\" to %s", mail.getSubject(), mail.getTo());
            return Uni.createFrom().voidItem();
        }
        return mailer.send(mail).onFailure().recoverWithItem(e -> {
            LOG.warnf("E-mail %s not sent: %s", what, e.toString());
            return null;
        });
    }

    /**
     * Sends the mail and tells whether the mail server took it (true also when e-mail is dropped on purpose, as then
     * no later attempt would do better); a refusal is logged, so that a queue can try again later.
     */
    public Uni<Boolean> deliver(Mail mail, String what) {
        if (dropped) {
            LOG.debugf("E-mail dropped (mock mailer): \"%s\" to %s", mail.getSubject(), mail.getTo());
            return Uni.createFrom().item(true);
        }
        return mailer.send(mail).replaceWith(true).onFailure().recoverWithItem(e -> {
            LOG.warnf("E-mail %s not sent: %s", what, e.toString());
            return false;
        });
    }

    void warnWhenDropped(@Observes StartupEvent event) {
        if (dropped) {
            LOG.warn("E-mail is not being sent: the mock mailer is on (QUARKUS_MAILER_MOCK=true). Set "
                    + "QUARKUS_MAILER_MOCK=false and QUARKUS_MAILER_HOST, _PORT, _USERNAME, _PASSWORD and _FROM to send "
                    + "confirmations, reminders and guardian consent requests.");
        }
    }
}
