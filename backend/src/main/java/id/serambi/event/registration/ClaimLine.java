package id.serambi.event.registration;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The seat rush on one event, from this instance: claims for the same event wait here in arrival order, and whoever
 * is waiting when the event's previous claim comes back goes together, in one statement ({@link RegistrationRepository#claimAll}):
 * one row lock and one commit for all of them, instead of a hand-over of the lock per patron (each about 1 ms on two
 * busy cores, which made the rush the slowest part of a registration burst: bench/RESULTS.md, B2). The statement
 * decides who gets a seat and who is waitlisted, so a full event's waitlist fills the same way, a batch at a time;
 * the waitlist positions of a batch are then read in one statement, while the next batch already runs.
 * <p>
 * Correctness does not depend on the line: the row lock and the guarded seat count still decide, across instances
 * too. A batch that fails (a repeated e-mail in it, say) is retried one claim at a time, so a patron's failure stays
 * theirs. Waiting holds no database connection.
 */
@ApplicationScoped
public class ClaimLine {

    /** A registration placed: its waitlist position is 1 for the first in line, 0 when it holds a seat. */
    public record Placed(Registration registration, long waitlistPosition) {
    }

    /** A claim waiting for its turn; its answer goes back on the caller's context. */
    private record Waiting(RegistrationRepository.Claim claim, Context context, UniEmitter<? super Placed> emitter) {

        void answer(Placed placed) {
            run(() -> emitter.complete(placed));
        }

        void fail(Throwable failure) {
            run(() -> emitter.fail(failure));
        }

        private void run(Runnable task) {
            if (context == null) {
                task.run();
            } else {
                context.runOnContext(ignored -> task.run());
            }
        }
    }

    private static final class Line {
        final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
        boolean running;
    }

    private final RegistrationRepository seats;
    private final int maxBatch;
    private final Map<Long, Line> lines = new HashMap<>(); // guarded by this

    public ClaimLine(RegistrationRepository seats,
            @ConfigProperty(name = "serambi.registration.max-claims-per-statement", defaultValue = "50") int maxBatch) {
        this.seats = seats;
        this.maxBatch = Math.max(1, maxBatch);
    }

    /** Claims a seat (or, when none is left, a waitlist place) for a new patron: the registration and its waitlist
     * position, or null when the event no longer takes registrations. */
    public Uni<Placed> claim(long eventId, RegistrationRepository.Claim claim) {
        return Uni.createFrom().emitter(emitter -> {
            Waiting w = new Waiting(claim, Vertx.currentContext(), emitter);
            boolean start;
            synchronized (this) {
                Line line = lines.computeIfAbsent(eventId, id -> new Line());
                line.waiting.add(w);
                start = !line.running;
                line.running = true;
            }
            if (start) {
                next(eventId);
            }
        });
    }

    /** Sends everyone waiting (up to the batch size), in arrival order; the line ends when nobody is left. */
    private void next(long eventId) {
        List<Waiting> batch = new ArrayList<>();
        synchronized (this) {
            Line line = lines.get(eventId);
            while (batch.size() < maxBatch && !line.waiting.isEmpty()) {
                batch.add(line.waiting.poll());
            }
            if (batch.isEmpty()) {
                lines.remove(eventId);
                return;
            }
        }
        Uni.createFrom().deferred(() -> seats.claimAll(eventId, batch.stream().map(Waiting::claim).toList()))
                .subscribe().with(placed -> {
                    next(eventId); // the next batch takes the lock while this one's positions are read
                    if (placed == null) {
                        batch.forEach(w -> w.answer(null));
                    } else {
                        answer(eventId, batch, placed);
                    }
                }, failure -> {
                    if (batch.size() == 1) {
                        batch.get(0).fail(failure);
                    } else {
                        batch.forEach(w -> alone(eventId, w));
                    }
                    next(eventId);
                });
    }

    private void answer(long eventId, List<Waiting> batch, List<Registration> placed) {
        seats.positions(eventId, placed).subscribe().with(positions -> {
            for (int i = 0; i < batch.size(); i++) {
                Registration r = placed.get(i);
                batch.get(i).answer(new Placed(r, positions.getOrDefault(r.id, 0L)));
            }
        }, failure -> batch.forEach(w -> w.fail(failure)));
    }

    /** One claim on its own, outside the line (its batch failed: a repeated e-mail in it, say). */
    private void alone(long eventId, Waiting w) {
        seats.claim(eventId, w.claim())
                .subscribe().with(r -> {
                    if (r == null) {
                        w.answer(null);
                    } else {
                        answer(eventId, List.of(w), List.of(r));
                    }
                }, w::fail);
    }
}
