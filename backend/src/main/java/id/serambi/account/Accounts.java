package id.serambi.account;

import id.serambi.common.PersonalDataPart;
import io.smallrye.mutiny.Uni;
import java.util.Collection;
import java.util.List;

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

    /** Where to reach an account: its e-mail address and name (notifications). */
    record Contact(long id, String email, String displayName) {
    }

    /** The contacts of these accounts, in id order; unknown ids are left out. */
    Uni<List<Contact>> contacts(Collection<Long> accountIds);

    /** The ids of every account with this role, in id order. */
    Uni<List<Long>> idsWithRole(Role role);

    /** The id of the account with this e-mail (any case), or a null item. */
    Uni<Long> idByEmail(String email);

    /** The member whose personal data is asked for; fails with 404 when there is no such account. */
    Uni<PersonalDataPart.Member> member(long accountId);

    /**
     * Erasure begins: locks the account and returns it. Fails with 404 when there is none, and with 409 last-admin
     * for the only admin.
     */
    Uni<PersonalDataPart.Member> lockForErasure(long accountId);

    /** Demo data: the id of the account with this e-mail, created with these details when there is none. */
    Uni<Long> ensure(String email, String password, String displayName, int birthYear, Role role);
}
