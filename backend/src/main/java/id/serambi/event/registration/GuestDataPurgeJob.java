package id.serambi.event.registration;

import id.serambi.survey.SurveyResponses;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Purges guests' personal data (name, e-mail, WhatsApp number) from the registrations of events that ended more
 * than {@link GuestRetentionConfig#guestRetention()} ago. Registrations are not linked to member accounts (a member
 * registers as a guest, by e-mail), so every registration is a guest's. Statuses, attendance, feedback ratings and
 * counts stay; survey responses given through their manage links lose that link (their answers stay, anonymous).
 * Idempotent UPDATEs: any number of instances may run them at the same moment.
 */
@ApplicationScoped
public class GuestDataPurgeJob {

    private static final Logger LOG = Logger.getLogger(GuestDataPurgeJob.class);

    private final RegistrationRepository registrations;
    private final SurveyResponses surveyResponses;
    private final Duration retention;

    public GuestDataPurgeJob(RegistrationRepository registrations, SurveyResponses surveyResponses,
            GuestRetentionConfig config) {
        this.registrations = registrations;
        this.surveyResponses = surveyResponses;
        this.retention = config.guestRetention();
    }

    @Scheduled(identity = "guest-data-purge", every = "${serambi.events.guest-purge-every:1h}",
            delayed = "${serambi.events.guest-purge-delay:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return purge().onFailure().recoverWithItem(e -> {
            LOG.error("Purging guests' personal data failed", e);
            return 0;
        }).replaceWithVoid();
    }

    /** Purges what is due and returns how many registrations this run purged. */
    @WithTransaction
    public Uni<Integer> purge() {
        return registrations.purgeEndedBefore(retention)
                .call(() -> surveyResponses.unlinkOfEventsEndedBefore(retention))
                .invoke(n -> {
                    if (n > 0) {
                        LOG.infof("Purged the personal data of %d registrations of events that ended over %s ago", n,
                                retention);
                    }
                });
    }
}
