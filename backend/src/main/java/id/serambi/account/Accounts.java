package id.serambi.account;

import io.smallrye.mutiny.Uni;

/**
 * What other features may know of accounts: the published interface of the account feature. Callers chain these on
 * their own session.
 */
public interface Accounts {

    /** A member as another feature sees them, with the answers the rules need (age, guardian consent). */
    record Member(long id, String email, String displayName, int age, boolean needsGuardianConsent) {
    }

    /** The member, as of the given year; a null item when there is no such account. */
    Uni<Member> find(long accountId, int year);

    /** The id of the account with this e-mail (any case), or a null item. */
    Uni<Long> idByEmail(String email);
}
