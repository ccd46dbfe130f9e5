package id.serambi.social.connections;

import id.serambi.social.SocialPlatform;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** The library's account on one platform, with its tokens encrypted (see {@link TokenCipher}). */
@Entity
@Table(name = "social_connection")
public class SocialConnection extends PanacheEntityBase {

    public enum Status {
        CONNECTED, NEEDS_RECONNECT
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    public SocialPlatform platform;

    @Column(name = "external_id")
    public String externalId;

    public String name;

    @Enumerated(EnumType.STRING)
    public ConnectionMethod method;

    /** Encrypted. */
    @Column(name = "access_token", columnDefinition = "text")
    public String accessToken;

    /** Encrypted, or null. */
    @Column(name = "refresh_token", columnDefinition = "text")
    public String refreshToken;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Enumerated(EnumType.STRING)
    public Status status = Status.CONNECTED;

    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "connected_by")
    public Long connectedBy;

    @Column(name = "connected_at")
    public Instant connectedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public int version;

    @Column(name = "expiry_warned_at")
    public Instant expiryWarnedAt;

    /** The associated data that binds an encrypted token to this row. */
    public static String binding(SocialPlatform platform, String externalId, String which) {
        return "social_connection:" + platform + ":" + externalId + ":" + which;
    }
}
