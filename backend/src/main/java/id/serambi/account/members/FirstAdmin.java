package id.serambi.account.members;

import id.serambi.common.SerambiConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Creates the first admin from SERAMBI_ADMIN_EMAIL and SERAMBI_ADMIN_PASSWORD when no admin exists yet. There is no
 * built-in admin password: without these settings (and without demo data) nobody can administer the instance.
 */
@ApplicationScoped
public class FirstAdmin {

    private static final Logger LOG = Logger.getLogger(FirstAdmin.class);

    private final SerambiConfig config;
    private final AccountService accounts;

    public FirstAdmin(SerambiConfig config, AccountService accounts) {
        this.config = config;
        this.accounts = accounts;
    }

    void create(@Observes @Priority(20) StartupEvent event) throws Throwable {
        var email = config.admin().email().filter(e -> !e.isBlank());
        var password = config.admin().password().filter(p -> !p.isBlank());
        if (email.isEmpty() || password.isEmpty()) {
            if (!config.demo().enabled()) {
                LOG.info("SERAMBI_ADMIN_EMAIL / SERAMBI_ADMIN_PASSWORD not set: no first admin is created");
            }
            return;
        }
        if (password.get().length() < 10) {
            throw new IllegalStateException("SERAMBI_ADMIN_PASSWORD must have at least 10 characters");
        }
        boolean created = VertxContextSupport.subscribeAndAwait(() -> accounts.ensureAdmin(email.get(), password.get()));
        if (created) {
            LOG.infof("First admin %s created", email.get());
        }
    }
}
