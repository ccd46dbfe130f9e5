package id.serambi.account;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** {@link Accounts} for the other features. */
@ApplicationScoped
public class PublishedAccounts implements Accounts {

    @Override
    public Uni<Member> find(long accountId, int year) {
        return User.<User>findById(accountId).map(u -> u == null ? null
                : new Member(u.id, u.email, u.displayName, u.ageIn(year), u.needsGuardianConsent(year)));
    }

    @Override
    public Uni<Long> idByEmail(String email) {
        return User.<User>find("lower(email) = lower(?1)", email).firstResult().map(u -> u == null ? null : u.id);
    }
}
