package id.serambi.event.questions;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import java.time.Instant;

/** A question asked during a live event. The upvote count is changed only by SQL (one vote per registration). */
@Entity
@Table(name = "event_question")
public class Question extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false)
    public Long eventId;

    @Column(name = "registration_id", nullable = false)
    public Long registrationId;

    @Column(name = "display_name")
    public String displayName;

    @Column(nullable = false)
    public String text;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public QuestionStatus status = QuestionStatus.PENDING;

    public String answer;

    @Column(insertable = false, updatable = false)
    public int upvotes;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "moderated_at")
    public Instant moderatedAt;

    @Column(name = "answered_at")
    public Instant answeredAt;

    @PrePersist
    void onCreate() {
        createdAt = Instant.now();
    }
}
