package id.serambi.event.registration;

import id.serambi.common.ProblemException;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * For the browser tests only: the e-mails the app has "sent" to one address, so a Playwright test can follow the
 * manage link a guest receives by e-mail (the registration answer no longer carries it). It answers only in the
 * {@code e2e} profile with the mock mailer on (where {@code MailOut} hands mail to Quarkus's mock mailbox instead of
 * dropping it); anywhere else, and so in production, it is a 404 like any unknown path. Running production in the
 * e2e profile is not a real possibility: that profile points at the serambi_e2e database and wipes it at start.
 * It is left out of the OpenAPI document.
 */
@Path("/e2e/mails")
public class E2eMailboxResource {

    /** One e-mail as the test reads it. */
    public record SentMail(String subject, String text) {
    }

    private final Instance<MockMailbox> mailbox;
    private final boolean enabled;

    public E2eMailboxResource(Instance<MockMailbox> mailbox) {
        this.mailbox = mailbox;
        this.enabled = enabled();
    }

    /** The e2e profile is active and the mock mailer is on. */
    public static boolean enabled() {
        SmallRyeConfig config = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class);
        return config.getProfiles().contains("e2e")
                && config.getOptionalValue("quarkus.mailer.mock", Boolean.class).orElse(false);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Uni<List<SentMail>> sentTo(@QueryParam("to") String to) {
        if (!enabled || !mailbox.isResolvable()) {
            return Uni.createFrom().failure(new ProblemException(404, "not-found", "Not found",
                    "Resource not found"));
        }
        if (to == null || to.isBlank()) {
            return Uni.createFrom().failure(ProblemException.invalidField("to", "must be an e-mail address"));
        }
        List<Mail> mails = mailbox.get().getMailsSentTo(to.strip());
        return Uni.createFrom().item(mails == null ? List.of()
                : List.copyOf(mails).stream().map(m -> new SentMail(m.getSubject(), m.getText())).toList());
    }
}
