package id.serambi.challenge;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Temporary: what {@code privacy/PersonalData} still calls until it asks {@code participation/ChallengePersonalData}
 * (a {@link id.serambi.common.PersonalDataPart}) instead. Delete it then; it is not part of the published interface.
 */
@Deprecated(forRemoval = true)
@ApplicationScoped
public class Totals {

    private final id.serambi.challenge.participation.Totals totals;

    public Totals(id.serambi.challenge.participation.Totals totals) {
        this.totals = totals;
    }

    /** Announces a participant's current state with a new revision. */
    public Uni<Void> touch(long participantId) {
        return totals.touch(participantId);
    }
}
