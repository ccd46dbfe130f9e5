package id.serambi.common;

import io.smallrye.mutiny.Uni;

/**
 * A feature's part of a member's personal data (UU PDP). Each feature that holds personal data implements this; the
 * privacy feature asks every part for its export and its erasure, and reads no feature's tables itself.
 * Both methods run on the caller's session, and erasure inside its transaction.
 */
public interface PersonalDataPart {

    /** The member: their account id and e-mail, and whether they proved they own the address. */
    record Member(long userId, String email, boolean emailVerified) {
    }

    /** The key of this part in the export document, e.g. "challenges". */
    String key();

    /** This part of the export, as JSON text (an object or an array); a null item when it exports nothing. */
    Uni<String> export(Member member);

    /** Erases or anonymises this part. */
    Uni<Void> erase(Member member);

    /** Parts are erased in this order, lowest first; the account itself goes last. */
    default int erasureOrder() {
        return 0;
    }
}
