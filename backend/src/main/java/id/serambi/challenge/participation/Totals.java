package id.serambi.challenge.participation;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps a participant's totals equal to the sum over their valid logs and redeemed codes: recomputed in SQL, in the
 * transaction that changed them, while that transaction holds the participant's row lock. The same statement
 * announces the new totals, so every instance's live board learns of them once they are committed.
 */
@ApplicationScoped
public class Totals {

    private final ParticipantRepository participants;

    public Totals(ParticipantRepository participants) {
        this.participants = participants;
    }

    /** Recomputes and announces one participant's totals; gives the new points. Call inside the transaction that holds its row lock. */
    public Uni<Integer> recompute(long participantId) {
        return participants.recompute(participantId);
    }

    /** Announces a participant's current state (after hiding, renaming or erasure) with a new revision. */
    public Uni<Void> touch(long participantId) {
        return participants.touch(participantId);
    }
}
