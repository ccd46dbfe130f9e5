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
import java.time.Instant;

/**
 * An authorization under way: its state (as a SHA-256), who started it, the PKCE verifier (encrypted), and after
 * Facebook Login granted several Pages, the granted accounts (encrypted) while staff choose.
 */
@Entity
@Table(name = "social_authorization")
public class SocialAuthorization extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "state_hash")
    public String stateHash;

    @Enumerated(EnumType.STRING)
    public SocialPlatform platform;

    @Column(name = "account_id")
    public Long accountId;

    @Column(name = "code_verifier", columnDefinition = "text")
    public String codeVerifier;

    @Column(name = "redirect_uri")
    public String redirectUri;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "used_at")
    public Instant usedAt;

    @Column(columnDefinition = "text")
    public String granted;

    static String binding(String stateHash, String which) {
        return "social_authorization:" + stateHash + ":" + which;
    }
}
