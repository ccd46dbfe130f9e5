package id.serambi.account.members;

import id.serambi.account.Accounts;
import id.serambi.account.Role;

import id.serambi.common.DatabaseProblems;
import id.serambi.common.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Year;
import java.util.List;

/** Accounts: registration, authentication, self-service changes and role management. */
@ApplicationScoped
public class AccountService {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final GuardianConsent guardians;
    private final EmailVerification verifications;

    public AccountService(UserRepository users, PasswordHasher hasher, GuardianConsent guardians,
            EmailVerification verifications) {
        this.users = users;
        this.hasher = hasher;
        this.guardians = guardians;
        this.verifications = verifications;
    }

    /**
     * Signs up a member and answers the same whether or not the e-mail already has an account, so that sign-up does
     * not tell who is registered. A new e-mail gets an account and a verification link; a known one gets nothing but
     * an e-mail to its owner saying that someone tried. The password is hashed either way, so both take as long. An
     * under-13 names a guardian, who gets an e-mail with a consent link (for a new account only).
     */
    public Uni<Void> register(AuthRequests.Register request) {
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
        String consent = child ? GuardianConsent.newToken() : null;
        String email = request.email().strip();
        return hasher.hash(request.password())
                .chain(hash -> createMember(request, hash, child ? guardian : null, consent))
                // Two sign-ups of one new e-mail at once: the loser finds the winner's account, like any known e-mail.
                .onFailure(DatabaseProblems::isUniqueViolation).recoverWithUni(e -> owner(email).map(SignUp::known))
                .call(outcome -> {
                    if (outcome.verificationToken() == null) {
                        return outcome.user() == null ? Uni.createFrom().voidItem() : verifications.tellOwner(outcome.user());
                    }
                    return verifications.send(outcome.user(), outcome.verificationToken())
                            .chain(() -> consent == null ? Uni.createFrom().voidItem() : guardians.ask(outcome.user(), consent));
                })
                .replaceWithVoid();
    }

    /** The outcome of a sign-up, for this class only: the answer never says which it was. */
    record SignUp(User user, String verificationToken) {

        static SignUp known(User owner) {
            return new SignUp(owner, null);
        }
    }

    @WithSession
    Uni<User> owner(String email) {
        return users.findByEmail(email);
    }

    @WithTransaction
    Uni<SignUp> createMember(AuthRequests.Register request, String hash, String guardian, String consentToken) {
        String email = request.email().strip();
        return users.findByEmail(email).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(SignUp.known(existing));
            }
            User user = newUser(email, hash, request.displayName(), request.birthYear(), Role.MEMBER);
            user.guardianEmail = guardian;
            if (consentToken != null) {
                user.guardianTokenHash = GuardianConsent.hash(consentToken);
                user.requireGuardianFor(request.birthYear());
            }
            String verification = verifications.issue(user);
            return users.persistAndFlush(user).replaceWith(new SignUp(user, verification));
        });
    }

    /** An account created by the library itself (the first admin, demo data): its address counts as verified. */
    @WithTransaction
    Uni<User> create(String email, String passwordHash, String displayName, int birthYear, Role role) {
        String normalized = email.strip();
        return users.findByEmail(normalized).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().failure(duplicateEmail());
            }
            User user = newUser(normalized, passwordHash, displayName, birthYear, role);
            user.emailVerifiedAt = java.time.Instant.now();
            return users.persistAndFlush(user).replaceWith(user);
        }).onFailure(DatabaseProblems::isUniqueViolation).transform(e -> duplicateEmail());
    }

    private static User newUser(String email, String passwordHash, String displayName, int birthYear, Role role) {
        User user = new User();
        user.email = email;
        user.passwordHash = passwordHash;
        user.displayName = displayName.strip();
        user.birthYear = birthYear;
        user.role = role;
        return user;
    }

    /** The account when the password is right, or null. Takes as long whether or not the account exists. */
    @WithSession
    public Uni<Login> authenticate(String email, String password) {
        return users.findByEmail(email).chain(user -> hasher.matches(password, user == null ? null : user.passwordHash)
                .map(ok -> ok ? new Login(user.id, user.email, user.displayName, user.role, user.tokenVersion) : null));
    }

    /** What a token is issued for. */
    public record Login(long id, String email, String displayName, Role role, int tokenVersion) {
    }

    @WithSession
    public Uni<UserDto> get(long id) {
        return find(id).map(UserDto::of);
    }

    @WithSession
    Uni<User> find(long id) {
        return users.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Account", id));
    }

    /**
     * Changes the caller's name, birth year or password. A birth year under 13 needs a guardian (named now, or
     * earlier) who is asked to consent; once required, consent stays required whatever birth year comes later.
     */
    public Uni<UserDto> updateMe(long id, AuthRequests.UpdateMe change) {
        if (change.birthYear() != null) {
            checkBirthYear(change.birthYear());
        }
        if (change.newPassword() == null) {
            return applyAndAsk(id, change, null);
        }
        if (change.currentPassword() == null || change.currentPassword().isEmpty()) {
            return Uni.createFrom().failure(
                    ProblemException.invalidField("currentPassword", "is required to set a new password"));
        }
        return find(id)
                .chain(user -> hasher.matches(change.currentPassword(), user.passwordHash))
                .chain(ok -> ok ? hasher.hash(change.newPassword())
                        : Uni.createFrom().failure(
                                ProblemException.invalidField("currentPassword", "is not your current password")))
                .chain(hash -> applyAndAsk(id, change, hash));
    }

    private Uni<UserDto> applyAndAsk(long id, AuthRequests.UpdateMe change, String newHash) {
        return applyUpdate(id, change, newHash).call(updated -> updated.consentToken() == null
                ? Uni.createFrom().voidItem()
                : guardians.ask(updated.user(), updated.consentToken())).map(updated -> UserDto.of(updated.user()));
    }

    record Updated(User user, String consentToken) {
    }

    @WithTransaction
    Uni<Updated> applyUpdate(long id, AuthRequests.UpdateMe change, String newHash) {
        return users.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Account", id))
                .map(user -> {
                    // Every check first, so that a refused change writes nothing.
                    int year = Year.now().getValue();
                    boolean child = change.birthYear() != null && year - change.birthYear() < 13;
                    // A guardian who already consented stays; a guardian named then is not needed.
                    String guardian = change.guardianEmail() == null || change.guardianEmail().isBlank()
                            || user.guardianConsentAt != null ? null : change.guardianEmail().strip();
                    boolean consentPending = user.guardianConsentAt == null && (child || user.needsGuardianConsent(year));
                    if (guardian != null && !consentPending) {
                        throw ProblemException.invalidField("guardianEmail",
                                "is only for members under 13 whose guardian has not consented yet");
                    }
                    if (guardian != null && guardian.equalsIgnoreCase(user.email.strip())) {
                        throw ProblemException.invalidField("guardianEmail", "must be a parent's or guardian's own address");
                    }
                    if (consentPending && guardian == null && user.guardianEmail == null) {
                        throw ProblemException.invalidField("guardianEmail", "is required for members under 13");
                    }
                    if (change.displayName() != null) {
                        user.displayName = change.displayName().strip();
                    }
                    if (change.birthYear() != null) {
                        user.birthYear = change.birthYear();
                        if (child) {
                            user.requireGuardianFor(change.birthYear());
                        }
                    }
                    if (newHash != null) {
                        user.passwordHash = newHash;
                    }
                    String token = null;
                    if (consentPending && (guardian != null || user.guardianTokenHash == null)) {
                        // A new (or first) guardian gets a new link; an earlier link stops working.
                        if (guardian != null) {
                            user.guardianEmail = guardian;
                        }
                        token = GuardianConsent.newToken();
                        user.guardianTokenHash = GuardianConsent.hash(token);
                    }
                    return new Updated(user, token);
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
                .chain(found -> users.countMatching(query)
                        .map(total -> new Page(found.stream().map(UserDto::of).toList(), total)));
    }

    public record Page(List<UserDto> users, long total) {
    }

    /** Changes a role. The last admin cannot be demoted, so the library never locks itself out. */
    @WithTransaction
    public Uni<UserDto> changeRole(long id, Role role) {
        return applyRole(id, role).map(UserDto::of);
    }

    private Uni<User> applyRole(long id, Role role) {
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
    public Uni<Long> ensureAccount(String email, String password, String displayName, int birthYear, Role role) {
        return users.findByEmail(email).chain(existing -> existing != null ? Uni.createFrom().item(existing.id)
                : hasher.hash(password).chain(hash -> create(email, hash, displayName, birthYear, role)).map(u -> u.id));
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
                if (existing.emailVerifiedAt == null) {
                    // The operator's configuration vouches for the address.
                    existing.emailVerifiedAt = java.time.Instant.now();
                }
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
}
