package id.serambi.survey;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.List;

/**
 * What other features may do with the responses linked to their own records: the event feature erases (UU PDP) the
 * responses given through a registration's manage link when the guest or the member erases their data. Runs on the
 * caller's session and transaction, so the erasure and the caller's own changes commit together or not at all.
 */
public interface SurveyResponses {

    /** Deletes every response linked to this registration; answers how many. */
    default Uni<Integer> eraseOfRegistration(long registrationId) {
        return eraseOfRegistrations(List.of(registrationId));
    }

    /** Deletes every response linked to these registrations (none given: nothing); answers how many. */
    Uni<Integer> eraseOfRegistrations(List<Long> registrationIds);

    /**
     * The responses linked to these registrations, oldest first, as a JSON array (survey id and titles, day, event,
     * answers): for the export of a guest's or a member's data. {@code []} when none.
     */
    Uni<String> exportOfRegistrations(List<Long> registrationIds);

    /**
     * When guests' personal data is purged after the retention (event feature, GuestDataPurgeJob): the responses given
     * after events that ended more than {@code retention} ago lose their link to the registration, and so to the
     * guest; the answers stay for the results, as anonymous ones. One idempotent UPDATE; answers how many it unlinked.
     */
    Uni<Integer> unlinkOfEventsEndedBefore(Duration retention);
}
