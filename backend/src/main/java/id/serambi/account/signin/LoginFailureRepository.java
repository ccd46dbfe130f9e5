package id.serambi.account.signin;

import id.serambi.common.SqlTimes;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** The failed logins: every query of the login throttle. */
@ApplicationScoped
public class LoginFailureRepository {

    /** A count of failures and the time of the last one. */
    public record Failures(long count, Instant last) {
    }

    /** Serialises attempts on one key (an account or an address) until the transaction ends. */
    public Uni<Void> lock(String key) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(?1))) AS locked", Integer.class)
                .setParameter(1, key)
                .getSingleResult())
                .replaceWithVoid();
    }

    /** The time of the {@code nth} most recent failure of this account from this address since then, or null. */
    public Uni<Instant> nthLatestOfAccountAndAddress(String account, String ip, Instant since, int nth) {
        return LoginFailure.<LoginFailure>find("lower(email) = ?1 and ip = ?3 and failedAt > ?2 order by failedAt desc",
                account, since, ip).range(nth - 1, nth - 1).firstResult().map(f -> f == null ? null : f.failedAt);
    }

    /** The time of the {@code nth} most recent failure from this address since then, or null. */
    public Uni<Instant> nthLatestOfAddress(String ip, Instant since, int nth) {
        return LoginFailure.<LoginFailure>find("ip = ?1 and failedAt > ?2 order by failedAt desc", ip, since)
                .range(nth - 1, nth - 1).firstResult().map(f -> f == null ? null : f.failedAt);
    }

    /** The account's failures since then, from any address. */
    public Uni<Failures> ofAccountSince(String account, Instant since) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT count(*), max(failed_at) FROM login_failure "
                        + "WHERE lower(email) = ?1 AND failed_at > ?2", Object[].class)
                .setParameter(1, account)
                .setParameter(2, since)
                .getSingleResult())
                .map(row -> new Failures(((Number) row[0]).longValue(), row[1] == null ? null : SqlTimes.instant(row[1])));
    }

    /** The site's failures since then, counted up to {@code cap} at most. */
    public Uni<Long> countSince(Instant since, int cap) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT count(*) FROM (SELECT 1 FROM login_failure WHERE failed_at > ?1 LIMIT ?2) "
                        + "AS recent", Long.class)
                .setParameter(1, since)
                .setParameter(2, cap)
                .getSingleResult());
    }

    public Uni<Void> record(String account, String ip, Instant at) {
        LoginFailure attempt = new LoginFailure();
        attempt.email = account;
        attempt.ip = ip;
        attempt.failedAt = at;
        return attempt.persist().replaceWithVoid();
    }

    public Uni<Void> forget(String account, String ip) {
        return LoginFailure.delete("lower(email) = ?1 and ip = ?2", account, ip).replaceWithVoid();
    }

    public Uni<Void> forgetBefore(Instant before) {
        return LoginFailure.delete("failedAt < ?1", before).replaceWithVoid();
    }

    /** Every failure recorded under this e-mail (erasure). */
    public Uni<Void> forgetAccount(String email) {
        return LoginFailure.delete("lower(email) = lower(?1)", email).replaceWithVoid();
    }
}
