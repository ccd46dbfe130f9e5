package id.serambi.common;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * PostgreSQL LISTEN for the whole instance: one dedicated connection, reconnecting while the database is away. A
 * NOTIFY sent by any replica (in the transaction that made the change, so only committed changes are announced)
 * reaches every instance's subscribers. After a reconnect, {@link #reconnects()} tells caches that they may have
 * missed notifications.
 */
@ApplicationScoped
public class PgNotifications {

    private static final Logger LOG = Logger.getLogger(PgNotifications.class);

    private final Vertx vertx;
    private final String url;
    private final Optional<String> username;
    private final Optional<String> password;
    private final Map<String, BroadcastProcessor<String>> channels = new ConcurrentHashMap<>();
    private final BroadcastProcessor<Long> reconnects = BroadcastProcessor.create();
    private volatile PgSubscriber subscriber;

    public PgNotifications(Vertx vertx,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = vertx;
        this.url = url;
        this.username = username;
        this.password = password;
    }

    void start(@Observes StartupEvent event) {
        PgConnectOptions options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""));
        username.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        PgSubscriber s = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> 1000L);
        subscriber = s;
        channels.forEach(this::listen);
        connect();
    }

    private void connect() {
        subscriber.connect().subscribe().with(ok -> LOG.debugf("Listening on %s", channels.keySet()), e -> {
            LOG.warnf("LISTEN connection not established (%s); retrying", e.getMessage());
            vertx.setTimer(1000, id -> connect());
        });
    }

    /** Routes a channel's payloads; its subscribe handler runs on every LISTEN, so a second run is a reconnection. */
    private void listen(String name, BroadcastProcessor<String> processor) {
        java.util.concurrent.atomic.AtomicInteger listens = new java.util.concurrent.atomic.AtomicInteger();
        subscriber.channel(name)
                .subscribeHandler(() -> {
                    if (listens.incrementAndGet() > 1) {
                        LOG.infof("LISTEN %s re-established; live caches reload", name);
                        reconnects.onNext(System.nanoTime());
                    }
                })
                .handler(processor::onNext);
    }

    void stop(@Observes ShutdownEvent event) {
        if (subscriber != null) {
            subscriber.closeAndForget();
        }
    }

    /** Every payload NOTIFY'd on the channel from now on. Register channels before start-up completes. */
    public synchronized Multi<String> channel(String name) {
        return channels.computeIfAbsent(name, n -> {
            BroadcastProcessor<String> processor = BroadcastProcessor.create();
            if (subscriber != null) {
                listen(n, processor);
            }
            return processor;
        });
    }

    /** Ticks after each reconnection of the LISTEN connection (not the first connection). */
    public Multi<Long> reconnects() {
        return reconnects;
    }
}
