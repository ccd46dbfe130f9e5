package id.serambi.event.questions;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import id.serambi.common.PgNotifications;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Fans live Q&A changes out to this instance's SSE subscribers. Changes arrive through the instance's PostgreSQL
 * LISTEN connection ({@link PgNotifications}), so a change made on any replica reaches the audience on all.
 */
@ApplicationScoped
public class QuestionFeed {

    static final String CHANNEL = "serambi_questions";
    private static final Logger LOG = Logger.getLogger(QuestionFeed.class);

    private final BroadcastProcessor<QuestionDtos.Update> updates = BroadcastProcessor.create();
    private final ObjectReader reader;
    private final PgNotifications notifications;

    public QuestionFeed(ObjectMapper mapper, PgNotifications notifications) {
        // Another replica, perhaps a newer build during a rolling update, may send fields this one does not know.
        this.reader = mapper.readerFor(QuestionDtos.Update.class)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.notifications = notifications;
    }

    void start(@Observes StartupEvent event) {
        notifications.channel(CHANNEL).subscribe().with(this::received);
    }

    private void received(String payload) {
        try {
            updates.onNext(reader.readValue(payload));
        } catch (Exception e) {
            LOG.warnf("Ignoring a malformed live Q&A notification: %s", e.getMessage());
        }
    }

    /** The changes to one event's questions from now on, with a heartbeat every {@code heartbeat}. */
    public Multi<QuestionDtos.Update> of(long eventId, Duration heartbeat) {
        Multi<QuestionDtos.Update> changes = updates.filter(u -> u.eventId() == eventId);
        Multi<QuestionDtos.Update> beats = Multi.createFrom().ticks().startingAfter(heartbeat).every(heartbeat)
                .map(tick -> new QuestionDtos.Update(QuestionDtos.Update.Kind.HEARTBEAT, eventId, null, null));
        return Multi.createBy().merging().streams(changes, beats);
    }
}
