package id.serambi.event.registration;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A patron's rating and comment after an event; one per registration. */
@Entity
@Table(name = "event_feedback")
public class EventFeedback extends PanacheEntityBase {

    @Id
    @Column(name = "registration_id")
    public Long registrationId;

    @Column(name = "event_id", nullable = false)
    public Long eventId;

    @Column(nullable = false)
    public short rating;

    public String comment;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt = Instant.now();
}
