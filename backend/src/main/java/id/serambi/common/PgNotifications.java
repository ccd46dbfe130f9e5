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
 * <p>
 * LISTEN needs a session of its own for as long as the instance runs, which a pooler in transaction mode (PgBouncer's
 * {@code pool_mode = transaction}) does not give: behind one, {@code serambi.database.listen-url} points this one
 * connection straight at PostgreSQL (or at a session-mode pool) while the data source goes through the pooler.
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
            @ConfigProperty(name = "serambi.database.listen-url") Optional<String> listenUrl,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = vertx;
        this.url = listenUri(url, listenUrl);
        this.username = username;
        this.password = password;
    }

    /** The LISTEN connection's URI: the listen URL when one is set, else the data source's. */
    static String listenUri(String dataSourceUrl, Optional<String> listenUrl) {
        return listenUrl.filter(u -> !u.isBlank()).orElse(dataSourceUrl).replaceFirst("^vertx-reactive:", "");
    }

    void start(@Observes StartupEvent event) {
        PgConnectOptions options = PgConnectOptions.fromUri(url);
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
