package id.serambi.event.registration;

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

/**
 * A patron's registration for an event. The event is referenced by id only (no association), so nothing is ever
 * lazily loaded outside a session. The id is also the arrival order on the waitlist.
 */
@Entity
@Table(name = "registration")
public class Registration extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false)
    public Long eventId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String email;

    public String whatsapp;

    @Enumerated(EnumType.STRING)
    @Column(name = "age_group")
    public AgeGroup ageGroup;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RegistrationStatus status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Column(name = "attended_at")
    public Instant attendedAt;

    /** Set by the database at insert; what the patron's QR code carries for check-in. */
    @Column(name = "checkin_code", insertable = false, updatable = false)
    public String checkinCode;

    /**
     * The code of the tracked link that brought the patron (issue 22), or null; erased with the personal data. Set by
     * the claim SQL on the hot path, by the entity on the series path.
     */
    @Column(name = "ref_code")
    public String refCode;

    @Column(name = "reminder_sent_at", insertable = false, updatable = false)
    public Instant reminderSentAt;

    @PrePersist
    void onCreate() {
        createdAt = Instant.now();
    }

    /** Holds a seat: the patron may see the join URL. */
    public boolean holdsSeat() {
        return status == RegistrationStatus.CONFIRMED || status == RegistrationStatus.ATTENDED;
    }
}
