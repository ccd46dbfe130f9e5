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

    public String text;

    @Column(name = "scheduled_at")
    public Instant scheduledAt;

    @Column(name = "published_url")
    public String publishedUrl;

    @Column(name = "published_at")
    public Instant publishedAt;
}
