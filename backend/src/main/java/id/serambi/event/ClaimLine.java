package id.serambi.event;

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
 * is waiting when the event's previous claim comes back goes together, in one statement ({@link SeatClaims#claimAll}):
 * one row lock and one commit for all of them, instead of a hand-over of the lock per patron (each about 1 ms on two
 * busy cores, which made the rush the slowest part of a registration burst: bench/RESULTS.md, B2). Once a claim finds
 * the event full, nobody waits any more: the rest join the waitlist, which needs no turn.
 * <p>
 * Correctness does not depend on the line: the row lock and the guarded seat count still decide, across instances
 * too. A batch that fails (a repeated e-mail in it, say) is retried one claim at a time, so a patron's failure stays
 * theirs. Waiting holds no database connection.
 */
@ApplicationScoped
public class ClaimLine {

    /** A claim waiting for its turn; its answer goes back on the caller's context. */
    private record Waiting(SeatClaims.Claim claim, Context context, UniEmitter<? super Registration> emitter) {

        void answer(Registration r) {
            run(() -> emitter.complete(r));
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
        boolean running;
        boolean full;
        final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
    }

    private final SeatClaims seats;
    private final int maxBatch;
    private final Map<Long, Line> lines = new HashMap<>(); // guarded by this

    public ClaimLine(SeatClaims seats,
            @ConfigProperty(name = "serambi.registration.max-claims-per-statement", defaultValue = "50") int maxBatch) {
        this.seats = seats;
        this.maxBatch = Math.max(1, maxBatch);
    }

    /** Claims a seat (or, when none is left, a waitlist place) for a new patron: the registration, or null when the
     * event no longer takes registrations. */
    public Uni<Registration> claim(long eventId, SeatClaims.Claim claim) {
        return Uni.createFrom().emitter(emitter -> {
            Waiting w = new Waiting(claim, Vertx.currentContext(), emitter);
            boolean full = false;
            boolean start = false;
            synchronized (this) {
                Line line = lines.computeIfAbsent(eventId, id -> new Line());
                if (line.full) {
                    full = true;
                } else {
                    line.waiting.add(w);
                    start = !line.running;
                    line.running = true;
                }
            }
            if (full) {
                latecomer(eventId, w);
            } else if (start) {
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
                    boolean full = false;
                    for (int i = 0; i < batch.size(); i++) {
                        Registration r = placed == null ? null : placed.get(i);
                        full |= r != null && r.status == RegistrationStatus.WAITLISTED;
                        batch.get(i).answer(r);
                    }
                    done(eventId, full);
                }, failure -> {
                    if (batch.size() == 1) {
                        batch.get(0).fail(failure);
                    } else {
                        batch.forEach(w -> alone(eventId, w));
                    }
                    done(eventId, false);
                });
    }

    private void done(long eventId, boolean nowFull) {
        List<Waiting> latecomers = List.of();
        if (nowFull) {
            synchronized (this) {
                Line line = lines.get(eventId);
                line.full = true;
                latecomers = new ArrayList<>(line.waiting);
                line.waiting.clear();
            }
        }
        latecomers.forEach(w -> latecomer(eventId, w));
        next(eventId);
    }

    /** One claim on its own, outside the line. */
    private void alone(long eventId, Waiting w) {
        SeatClaims.Claim c = w.claim();
        seats.claim(eventId, c.name(), c.email(), c.whatsapp(), c.ageGroup(), c.at(), c.tokenHash())
                .subscribe().with(w::answer, w::fail);
    }

    /** The event filled while this claim waited: the waitlist, or a seat after all if one came free meanwhile. */
    private void latecomer(long eventId, Waiting w) {
        SeatClaims.Claim c = w.claim();
        seats.joinWaitlist(eventId, c.name(), c.email(), c.whatsapp(), c.ageGroup(), c.at(), c.tokenHash())
                .chain(r -> r != null ? Uni.createFrom().item(r)
                        : seats.claim(eventId, c.name(), c.email(), c.whatsapp(), c.ageGroup(), c.at(), c.tokenHash()))
                .subscribe().with(w::answer, w::fail);
    }

    /** Claims waiting for this event now (for tests). */
    synchronized int waiting(long eventId) {
        Line line = lines.get(eventId);
        return line == null ? 0 : line.waiting.size();
    }
}
