package id.serambi.campaign.posts;

import id.serambi.common.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A social-media post: the shared content, with one {@link PostVariant} per platform. {@code version} is bumped by
 * the service on every edit and transition (optimistic concurrency through If-Match), not by Hibernate.
 */
@Entity
@Table(name = "post")
public class Post extends Timestamps {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "campaign_id")
    public Long campaignId;

    @Column(name = "event_id")
    public Long eventId;

    @Column(name = "challenge_id")
    public Long challengeId;

    @Enumerated(EnumType.STRING)
    @Column(name = "content_type")
    public ContentType contentType;

    @Column(columnDefinition = "text")
    public String body;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "hashtags", columnDefinition = "_text" /* PostgreSQL's name for text[], as the schema validator reads it */)
    public String[] hashtags = new String[0];

    @Column(name = "media_url")
    public String mediaUrl;

    @Enumerated(EnumType.STRING)
    public PostStatus status = PostStatus.DRAFT;

    @Column(name = "author_id")
    public Long authorId;

    @Column(name = "reviewer_id")
    public Long reviewerId;

    @Column(name = "review_note")
    public String reviewNote;

    @Column(name = "reviewed_at")
    public Instant reviewedAt;



    public int version;
}
