package id.serambi.event.catalogue;

import id.serambi.event.Events;
import io.smallrye.mutiny.Uni;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * The registrations tracked links brought (issue 22), as {@link Events#referrals} answers them. The registration
 * capability implements it, so the catalogue, which publishes {@link Events}, needs no registration class (the
 * capabilities would form a cycle). Runs on the caller's session.
 */
public interface EventReferrals {

    /** See {@link Events#referrals}. */
    Uni<List<Events.Referral>> referrals(Collection<String> codes, LocalDate from, LocalDate to);
}
