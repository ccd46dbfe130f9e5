package id.serambi.social.connections;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;

/** Every query on authorizations under way. Each runs on the caller's session. */
@ApplicationScoped
public class SocialAuthorizationRepository implements PanacheRepository<SocialAuthorization> {

    /** The authorization with this state (its SHA-256), its row locked until the transaction ends; null when none. */
    public Uni<SocialAuthorization> ofStateForUpdate(String stateHash) {
        return find("stateHash", stateHash).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** Forgets the authorizations that ended more than a day ago. */
    public Uni<Long> deleteEndedBefore(Instant before) {
        return delete("expiresAt < ?1", before);
    }
}
