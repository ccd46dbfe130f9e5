package id.serambi.campaign.posts;

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
 * One step of a post's audit trail: who moved it from which status to which, when, and with what note; or who changed
 * its text (then from and to may be the same status).
 */
@Entity
@Table(name = "post_transition")
public class PostTransition extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "post_id")
    public Long postId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public PostStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public PostStatus toStatus;

    @Column(name = "actor_id")
    public Long actorId;

    public String note;

    /** The actor wrote or changed the post's text in this step (creation, or an edit of the content). */
    @Column(name = "text_changed")
    public boolean textChanged;

    public Instant at;
}
