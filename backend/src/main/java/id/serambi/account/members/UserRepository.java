package id.serambi.account.members;

import id.serambi.account.Role;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
@WithSession
public class UserRepository implements PanacheRepository<User> {

    public Uni<User> findByEmail(String email) {
        return find("lower(email) = lower(?1)", email.strip()).firstResult();
    }

    public Uni<User> findByEmailVerificationHash(String hash) {
        return find("emailVerificationHash", hash).firstResult();
    }

    public Uni<User> findByGuardianTokenHash(String hash) {
        return find("guardianTokenHash", hash).firstResult();
    }

    /** The account, its row locked until the transaction ends. */
    public Uni<User> findForUpdate(long id) {
        return findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    }

    /** The account as its owner's export shows it (JSON text). */
    public Uni<String> exportJson(long id) {
        return io.quarkus.hibernate.reactive.panache.Panache.getSession().chain(s -> s.createNativeQuery("""
                SELECT json_build_object('id', u.id, 'email', u.email, 'displayName', u.display_name,
                    'birthYear', u.birth_year, 'role', u.role, 'createdAt', u.created_at,
                    'guardianEmail', u.guardian_email, 'guardianConsentAt', u.guardian_consent_at,
                    'emailVerifiedAt', u.email_verified_at)::text
                  FROM app_user u WHERE u.id = ?1""", String.class).setParameter(1, id).getSingleResult());
    }

    public Uni<Void> deleteAccount(long id) {
        return io.quarkus.hibernate.reactive.panache.Panache.getSession().chain(s -> s
                .createNativeQuery("DELETE FROM app_user WHERE id = ?1").setParameter(1, id).executeUpdate())
                .replaceWithVoid();
    }

    /** Every token issued to the account so far stops working (the database announces the change). */
    public Uni<Boolean> revokeTokens(long id) {
        return io.quarkus.hibernate.reactive.panache.Panache.getSession().chain(session -> session
                .createNativeQuery("UPDATE app_user SET token_version = token_version + 1 WHERE id = ?1")
                .setParameter(1, id).executeUpdate()).map(updated -> updated == 1);
    }

    /** These accounts, in id order (unknown ids are left out). */
    public Uni<List<User>> byIds(java.util.Collection<Long> ids) {
        return list("id in ?1", Sort.by("id"), List.copyOf(ids));
    }

    /** The ids of every account with this role, in id order. */
    public Uni<List<Long>> idsWithRole(Role role) {
        return io.quarkus.hibernate.reactive.panache.Panache.getSession().chain(s -> s.createSelectionQuery(
                "select u.id from User u where u.role = :role order by u.id", Long.class)
                .setParameter("role", role).getResultList());
    }

    public Uni<Boolean> anyAdmin() {
        return count("role", Role.ADMIN).map(n -> n > 0);
    }

    public Uni<Long> countAdmins() {
        return count("role", Role.ADMIN);
    }

    /** A stable page of accounts, optionally filtered by a fragment of the e-mail or name. */
    public Uni<List<User>> search(String query, int page, int size) {
        Sort sort = Sort.by("id");
        if (query == null || query.isBlank()) {
            return findAll(sort).page(Page.of(page, size)).list();
        }
        return find("lower(email) like ?1 or lower(displayName) like ?1", sort, like(query))
                .page(Page.of(page, size)).list();
    }

    public Uni<Long> countMatching(String query) {
        if (query == null || query.isBlank()) {
            return count();
        }
        return count("lower(email) like ?1 or lower(displayName) like ?1", like(query));
    }

    private static String like(String query) {
        String escaped = query.strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
