package id.serambi.challenge;

import io.smallrye.mutiny.Uni;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * What other features may know of reading challenges: the published interface of the challenge feature. Everything
 * here is public by nature (nicknames only, reviews only when their author shared them). Callers chain these on
 * their own session.
 */
public interface Challenges {

    record ChallengeSummary(long id, String title) {
    }

    /** One place on the public board. */
    record Standing(String nickname, int points) {
    }

    /** A reading log's review with what decides whether it may be posted. */
    record SharedReview(long logId, String bookTitle, String bookAuthor, String review, boolean shared, boolean voided,
            String nickname, Long challengeId) {
    }

    /** The published challenges that have not ended (in the library's time zone), soonest ending first (issue 19). */
    Uni<List<ChallengeSummary>> open();

    /** The challenge, or a null item when there is none. */
    Uni<ChallengeSummary> find(long challengeId);

    /**
     * Whether the challenge takes no more entries: CLOSED, or its last day has passed in the library's time zone (a
     * partner's new link may not point at it, issue 22). A null item when there is none.
     */
    Uni<Boolean> closed(long challengeId);

    /** The first {@code n} on the public board, in its ranking order; hidden participants are left out. */
    Uni<List<Standing>> top(long challengeId, int n);

    /** The log's review, or a null item when there is no such log. */
    Uni<SharedReview> review(long logId);

    /**
     * How many members joined a challenge through one tracked link (issue 22) on one day (the library's zone). Counts
     * only: nobody is named.
     */
    record Referral(String code, LocalDate day, long joined) {
    }

    /**
     * The participations whose {@code ref} is one of these codes, joined between the library-zone days {@code from}
     * and {@code to} (both inclusive; null: unbounded), per code and day, in day then code order. One query.
     */
    Uni<List<Referral>> referrals(Collection<String> codes, LocalDate from, LocalDate to);
}
