package id.serambi.common;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A job's run started now, in the background, as an outbox's sender does right after rows are queued: one run at a
 * time per instance, and one more right after the run under way when woken meanwhile. Each run gets a duplicated
 * Vert.x context of its own (the caller's session is over, and the run opens its own sessions). A failing run is the
 * job's to log; it ends the run like any other.
 */
public final class BackgroundRun {

    private final Vertx vertx;
    private final Supplier<Uni<?>> run;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    public BackgroundRun(Vertx vertx, Supplier<Uni<?>> run) {
        this.vertx = vertx;
        this.run = run;
    }

    /** Runs now, in the background, or once more right after the run under way. */
    public void wake() {
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> run.get().subscribe().with(done -> finished(), e -> finished()));
    }

    /**
     * Runs a one-off job now, in the background, on a duplicated Vert.x context of its own (the caller's session may be
     * over); its failure is the job's to log.
     */
    public static void once(Vertx vertx, Supplier<Uni<?>> job) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> job.get().subscribe().with(done -> {
        }, e -> {
        }));
    }

    private void finished() {
        running.set(false);
        if (again.getAndSet(false)) {
            wake();
        }
    }
}
