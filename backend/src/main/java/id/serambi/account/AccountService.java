package id.serambi.account;

import id.serambi.common.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.time.Year;
import java.util.List;
import java.util.Locale;

/** Accounts: registration, authentication, self-service changes and role management. */
@ApplicationScoped
public class AccountService {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final GuardianConsent guardians;

    public AccountService(UserRepository users, PasswordHasher hasher, GuardianConsent guardians) {
        this.users = users;
        this.hasher = hasher;
        this.guardians = guardians;
    }

    /**
     * Creates a member. A duplicate e-mail, in any letter case, is a 409, also when two requests race. An under-13
     * names a guardian, who gets an e-mail with a consent link.
     */
    public Uni<User> register(AuthRequests.Register request) {
        checkBirthYear(request.birthYear());
        boolean child = Year.now().getValue() - request.birthYear() < 13;
        String guardian = request.guardianEmail() == null || request.guardianEmail().isBlank() ? null
                : request.guardianEmail().strip();
        if (child && guardian == null) {
            throw ProblemException.invalidField("guardianEmail", "is required for members under 13");
        }
        if (guardian != null && guardian.equalsIgnoreCase(request.email().strip())) {
            throw ProblemException.invalidField("guardianEmail", "must be a parent's or guardian's own address");
        }
        String token = child ? GuardianConsent.newToken() : null;
        return hasher.hash(request.password())
                .chain(hash -> createMember(request, hash, child ? guardian : null, token))
                .call(user -> token == null ? Uni.createFrom().voidItem() : guardians.ask(user, token));
    }

    @WithTransaction
    Uni<User> createMember(AuthRequests.Register request, String hash, String guardian, String token) {
        return create(request.email(), hash, request.displayName(), request.birthYear(), Role.MEMBER).map(user -> {
            user.guardianEmail = guardian;
            user.guardianTokenHash = token == null ? null : GuardianConsent.hash(token);
            return user;
        });
    }

    @WithTransaction
    Uni<User> create(String email, String passwordHash, String displayName, int birthYear, Role role) {
        String normalized = email.strip();
        return users.findByEmail(normalized).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().failure(duplicateEmail());
            }
            User user = new User();
            user.email = normalized;
            user.passwordHash = passwordHash;
            user.displayName = displayName.strip();
            user.birthYear = birthYear;
            user.role = role;
            return users.persistAndFlush(user).replaceWith(user);
        }).onFailure(AccountService::isUniqueViolation).transform(e -> duplicateEmail());
    }

    /** The account when the password is right, or null. Takes as long whether or not the account exists. */
    @WithSession
    public Uni<User> authenticate(String email, String password) {
        return users.findByEmail(email).chain(user -> hasher.matches(password, user == null ? null : user.passwordHash)
                .map(ok -> ok ? user : null));
    }

    @WithSession
    public Uni<User> get(long id) {
        return users.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Account", id));
    }

    public Uni<User> updateMe(long id, AuthRequests.UpdateMe change) {
        if (change.birthYear() != null) {
            checkBirthYear(change.birthYear());
        }
        if (change.newPassword() == null) {
            return applyUpdate(id, change, null);
        }
        if (change.currentPassword() == null || change.currentPassword().isEmpty()) {
            return Uni.createFrom().failure(
                    ProblemException.invalidField("currentPassword", "is required to set a new password"));
        }
        return get(id)
                .chain(user -> hasher.matches(change.currentPassword(), user.passwordHash))
                .chain(ok -> ok ? hasher.hash(change.newPassword())
                        : Uni.createFrom().failure(
                                ProblemException.invalidField("currentPassword", "is not your current password")))
                .chain(hash -> applyUpdate(id, change, hash));
    }

    @WithTransaction
    Uni<User> applyUpdate(long id, AuthRequests.UpdateMe change, String newHash) {
        return users.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Account", id))
                .map(user -> {
                    if (change.displayName() != null) {
                        user.displayName = change.displayName().strip();
                    }
                    if (change.birthYear() != null) {
                        user.birthYear = change.birthYear();
                    }
                    if (newHash != null) {
                        user.passwordHash = newHash;
                    }
                    return user;
                });
    }

    /** "Log out everywhere": every token issued to the account so far stops working, on every instance. */
    @WithTransaction
    public Uni<Void> revokeTokens(long id) {
        return users.revokeTokens(id).invoke(found -> {
            if (!found) {
                throw ProblemException.notFound("Account", id);
            }
        }).replaceWithVoid();
    }

    @WithSession
    public Uni<Page> list(String query, int page, int size) {
        return users.search(query, page, size)
                .chain(found -> users.countMatching(query).map(total -> new Page(found, total)));
    }

    public record Page(List<User> users, long total) {
    }

    /** Changes a role. The last admin cannot be demoted, so the library never locks itself out. */
    @WithTransaction
    public Uni<User> changeRole(long id, Role role) {
        return users.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Account", id))
                .chain(user -> {
                    if (user.role != Role.ADMIN || role == Role.ADMIN) {
                        user.role = role;
                        return Uni.createFrom().item(user);
                    }
                    // Lock the admins so that two demotions at once cannot both pass the check.
                    return users.find("role", Role.ADMIN).withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                            .list()
                            .map(admins -> {
                                if (admins.size() <= 1) {
                                    throw ProblemException.conflict("last-admin", "Last admin",
                                            "Account " + id + " is the only admin; make someone else admin first");
                                }
                                user.role = role;
                                return user;
                            });
                });
    }

    /** Demo data: creates the account unless the e-mail is taken. */
    public Uni<User> ensureAccount(String email, String password, String displayName, int birthYear, Role role) {
        return users.findByEmail(email).chain(existing -> existing != null ? Uni.createFrom().item(existing)
                : hasher.hash(password).chain(hash -> create(email, hash, displayName, birthYear, role)));
    }

    /** Start-up: creates the configured first admin when there is no admin yet. Returns whether it did. */
    public Uni<Boolean> ensureAdmin(String email, String password) {
        return users.anyAdmin().chain(any -> {
            if (any) {
                return Uni.createFrom().item(false);
            }
            return hasher.hash(password).chain(hash -> promoteOrCreateAdmin(email, hash)).replaceWith(true);
        });
    }

    @WithTransaction
    Uni<User> promoteOrCreateAdmin(String email, String hash) {
        return users.findByEmail(email).chain(existing -> {
            if (existing != null) {
                existing.role = Role.ADMIN;
                existing.passwordHash = hash;
                return Uni.createFrom().item(existing);
            }
            return create(email, hash, "Administrator", Year.now().getValue() - 30, Role.ADMIN);
        });
    }

    private static void checkBirthYear(int birthYear) {
        int thisYear = Year.now().getValue();
        if (birthYear > thisYear) {
            throw ProblemException.invalidField("birthYear", "must not be in the future");
        }
        if (birthYear < thisYear - 120) {
            throw ProblemException.invalidField("birthYear", "must be after " + (thisYear - 120));
        }
    }

    private static ProblemException duplicateEmail() {
        return ProblemException.conflict("duplicate-email", "E-mail already registered",
                "An account with this e-mail already exists; log in instead");
    }

    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException
                    || t instanceof PersistenceException && String.valueOf(t.getMessage()).contains("23505")
                    || String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT).contains("duplicate key")) {
                return true;
            }
        }
        return false;
    }
}
