package id.serambi.survey.answer;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * A minor's survey responses follow the minors' data rules: deleted {@code serambi.conversations.minor-retention}
 * after the day they were given, checked every {@code serambi.conversations.minor-purge-every} (the settings of the
 * inbox's and the assistant's minors' retention). One idempotent DELETE: any number of instances may run it at once,
 * and each row is deleted by whichever gets it first.
 */
@ApplicationScoped
public class MinorResponseRetention {

    private static final Logger LOG = Logger.getLogger(MinorResponseRetention.class);

    private final AnswerRepository responses;
    private final Duration retention;

    public MinorResponseRetention(AnswerRepository responses,
            @ConfigProperty(name = "serambi.conversations.minor-retention", defaultValue = "P180D") Duration retention) {
        this.responses = responses;
        this.retention = retention;
    }

    @Scheduled(identity = "survey-minor-retention", every = "${serambi.conversations.minor-purge-every:1h}",
            delayed = "100s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return purge(Instant.now()).onFailure().recoverWithItem(e -> {
            LOG.error("The retention of minors' survey responses failed", e);
            return 0;
        }).replaceWithVoid();
    }

    /** Deletes minors' responses given before the day of {@code now} minus the retention; answers how many. */
    @WithTransaction
    public Uni<Integer> purge(Instant now) {
        LocalDate cutoff = LocalDate.ofInstant(now.minus(retention), ZoneOffset.UTC);
        return responses.deleteMinorResponses(cutoff).invoke(n -> {
            if (n > 0) {
                LOG.infof("Deleted %d survey responses of minors older than %s", n, retention);
            }
        });
    }
}
