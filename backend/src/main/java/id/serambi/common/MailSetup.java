package id.serambi.common;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Says at start-up when e-mail is not really sent: the mock mailer is on in a packaged app. Patrons would then get no
 * confirmation, reminder or guardian e-mail, and (in production) nothing of them reaches the log either.
 */
@ApplicationScoped
class MailSetup {

    private static final Logger LOG = Logger.getLogger(MailSetup.class);

    @ConfigProperty(name = "quarkus.mailer.mock", defaultValue = "false")
    boolean mock;

    void check(@Observes StartupEvent event) {
        if (mock && !LaunchMode.current().isDevOrTest()) {
            LOG.warn("E-mail is not being sent: the mock mailer is on (QUARKUS_MAILER_MOCK=true). Set "
                    + "QUARKUS_MAILER_MOCK=false and QUARKUS_MAILER_HOST, _PORT, _USERNAME, _PASSWORD and _FROM to send "
                    + "confirmations, reminders and guardian consent requests.");
        }
    }
}
