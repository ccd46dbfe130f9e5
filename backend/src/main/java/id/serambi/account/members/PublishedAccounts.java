package id.serambi.account.members;

import id.serambi.account.Accounts;
import id.serambi.account.Role;
import id.serambi.common.PersonalDataPart;
import id.serambi.common.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;

/** {@link Accounts} for the other features. */
@ApplicationScoped
public class PublishedAccounts implements Accounts {

    private final UserRepository users;
    private final AccountService accounts;

    public PublishedAccounts(UserRepository users, AccountService accounts) {
        this.users = users;
        this.accounts = accounts;
    }

    @Override
    public Uni<Member> find(long accountId, int year) {
        return users.findById(accountId).map(u -> u == null ? null
                : new Member(u.id, u.email, u.displayName, u.ageIn(year), u.needsGuardianConsent(year)));
    }

    @Override
    public Uni<List<Contact>> contacts(Collection<Long> accountIds) {
        if (accountIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return users.byIds(accountIds).map(found -> found.stream()
                .map(u -> new Contact(u.id, u.email, u.displayName)).toList());
    }

    @Override
    public Uni<List<Long>> idsWithRole(Role role) {
        return users.idsWithRole(role);
    }

    @Override
    public Uni<Long> idByEmail(String email) {
        return users.findByEmail(email).map(u -> u == null ? null : u.id);
    }

    @Override
    public Uni<PersonalDataPart.Member> member(long accountId) {
        return users.findById(accountId).onItem().ifNull().failWith(() -> ProblemException.notFound("Account", accountId))
                .map(u -> new PersonalDataPart.Member(u.id, u.email, u.emailVerified()));
    }

    @Override
    public Uni<PersonalDataPart.Member> lockForErasure(long accountId) {
        return users.findForUpdate(accountId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Account", accountId))
                .call(u -> u.role != Role.ADMIN ? Uni.createFrom().voidItem() : users.countAdmins().invoke(admins -> {
                    if (admins <= 1) {
                        throw ProblemException.conflict("last-admin", "Last admin",
                                "You are the only admin; make someone else admin first");
                    }
                }))
                .map(u -> new PersonalDataPart.Member(u.id, u.email, u.emailVerified()));
    }

    @Override
    public Uni<Long> ensure(String email, String password, String displayName, int birthYear, Role role) {
        return accounts.ensureAccount(email, password, displayName, birthYear, role);
    }
}
