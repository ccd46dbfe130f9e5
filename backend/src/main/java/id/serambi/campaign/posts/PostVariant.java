package id.serambi.campaign.posts;

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

/** A post as it goes out on one platform: its own text, schedule, and where and when it was published. */
@Entity
@Table(name = "post_variant")
public class PostVariant extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "post_id")
    public Long postId;

    @Enumerated(EnumType.STRING)
    public SocialPlatform platform;

    @Column(columnDefinition = "text")
    public String text;

    @Column(name = "scheduled_at")
    public Instant scheduledAt;

    @Column(name = "published_url")
    public String publishedUrl;

    @Column(name = "published_at")
    public Instant publishedAt;

    /** Staff post this variant by hand: at its time the author is reminded instead of the platform being called. */
    public boolean manual;

    @Enumerated(EnumType.STRING)
    public Delivery delivery = Delivery.NONE;

    /** The platform's own id of the published post. */
    @Column(name = "external_id")
    public String externalId;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    /** The platform's message for the last failure. */
    @Column(name = "last_error")
    public String lastError;
}
