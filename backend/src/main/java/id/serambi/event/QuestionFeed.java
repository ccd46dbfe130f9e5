package id.serambi.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Fans live Q&A changes out to this instance's SSE subscribers. Changes arrive through PostgreSQL LISTEN on one
 * dedicated connection (reconnecting if it drops), so a change made on any replica reaches the audience on all.
 */
@ApplicationScoped
public class QuestionFeed {

    static final String CHANNEL = "serambi_questions";
    private static final Logger LOG = Logger.getLogger(QuestionFeed.class);

    private final BroadcastProcessor<QuestionDtos.Update> updates = BroadcastProcessor.create();
    private final Vertx vertx;
    private final ObjectMapper mapper;
    private final String url;
    private final Optional<String> username;
    private final Optional<String> password;
    private PgSubscriber subscriber;

    public QuestionFeed(Vertx vertx, ObjectMapper mapper,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = vertx;
        this.mapper = mapper;
        this.url = url;
        this.username = username;
        this.password = password;
    }

    void start(@Observes StartupEvent event) {
        PgConnectOptions options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""));
        username.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        subscriber = PgSubscriber.subscriber(vertx, options)
                .reconnectPolicy(retries -> 2000L); // keep trying every 2 s while the database is away
        subscriber.channel(CHANNEL).handler(this::received);
        subscriber.connect().subscribe().with(
                ok -> LOG.debugf("Listening on %s", CHANNEL),
                e -> LOG.warnf("Live Q&A listener not connected yet: %s", e.getMessage()));
    }

    void stop(@Observes ShutdownEvent event) {
        if (subscriber != null) {
            subscriber.closeAndForget();
        }
    }

    private void received(String payload) {
        try {
            updates.onNext(mapper.readValue(payload, QuestionDtos.Update.class));
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
