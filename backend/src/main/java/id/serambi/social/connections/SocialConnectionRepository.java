package id.serambi.social.connections;

import id.serambi.social.SocialPlatform;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.hibernate.reactive.common.AffectedEntities;

/** Every query on connected accounts. Each runs on the caller's session. */
@ApplicationScoped
public class SocialConnectionRepository implements PanacheRepository<SocialConnection> {

    private static final AffectedEntities CONNECTIONS = new AffectedEntities(SocialConnection.class);

    /** A connection the expiry job told the admins about, or turned "needs reconnecting". */
    public record Expiring(SocialPlatform platform, String name, Instant expiresAt) {
    }

    /** The platform's connection; a null item when there is none. */
    public Uni<SocialConnection> ofPlatform(SocialPlatform platform) {
        return find("platform", platform).firstResult();
    }

    /** The platform's connection, its row locked until the transaction ends (a token refresh); null when none. */
    public Uni<SocialConnection> ofPlatformForUpdate(SocialPlatform platform) {
        return find("platform", platform).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<List<SocialConnection>> all() {
        return list("order by platform");
    }

    /** The platforms connected by this account, for its personal data export. */
    public Uni<List<SocialConnection>> connectedBy(long accountId) {
        return list("connectedBy = ?1 order by platform", accountId);
    }

    /** Forgets who connected (erasure of that account); the connections stay. */
    public Uni<Integer> forgetConnector(long accountId) {
        return update("connectedBy = null where connectedBy = ?1", accountId);
    }

    /**
     * Turns the platform's connection "needs reconnecting" with the platform's message, only if it was connected:
     * true when this call changed it (so that the admins are told once, on the change).
     */
    public Uni<Boolean> markNeedsReconnect(SocialPlatform platform, String reason) {
        return update("status = ?1, statusReason = ?2, updatedAt = ?3, version = version + 1 "
                + "where platform = ?4 and status = ?5", SocialConnection.Status.NEEDS_RECONNECT, reason, Instant.now(),
                platform, SocialConnection.Status.CONNECTED).map(n -> n > 0);
    }

    public Uni<Boolean> deleteOfPlatform(SocialPlatform platform) {
        return delete("platform", platform).map(n -> n > 0);
    }

    /**
     * Claims the connections whose token (one that cannot be refreshed) expires within {@code lead} and whose admins
     * were not told yet: marks them told and returns them. One UPDATE, so with several instances each is claimed once.
     */
    public Uni<List<Expiring>> claimExpiryWarnings(Duration lead) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                UPDATE social_connection SET expiry_warned_at = now()
                 WHERE status = 'CONNECTED' AND refresh_token IS NULL AND expires_at IS NOT NULL
                   AND expires_at > now() AND expires_at <= now() + make_interval(secs => :lead)
                   AND expiry_warned_at IS NULL
                RETURNING platform, name, expires_at""", Object[].class, CONNECTIONS)
                .setParameter("lead", (double) lead.toSeconds())
                .getResultList())
                .map(SocialConnectionRepository::expiring);
    }

    /**
     * Turns "needs reconnecting" the connections whose token expired and cannot be refreshed; returns them (each once,
     * by the instance whose UPDATE changed it).
     */
    public Uni<List<Expiring>> expireOverdue(String reason) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                UPDATE social_connection SET status = 'NEEDS_RECONNECT', status_reason = :reason, updated_at = now(),
                       version = version + 1
                 WHERE status = 'CONNECTED' AND refresh_token IS NULL AND expires_at IS NOT NULL AND expires_at <= now()
                RETURNING platform, name, expires_at""", Object[].class, CONNECTIONS)
                .setParameter("reason", reason)
                .getResultList())
                .map(SocialConnectionRepository::expiring);
    }

    private static List<Expiring> expiring(List<Object[]> rows) {
        return rows.stream().map(r -> new Expiring(SocialPlatform.valueOf((String) r[0]), (String) r[1],
                toInstant(r[2]))).toList();
    }

    private static Instant toInstant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("Unexpected time " + value.getClass());
    }
}
