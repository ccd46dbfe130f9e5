package id.serambi.challenge.participation;

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
import java.time.LocalDate;

/** What a participant read on a day. The server sets the points and the status. */
@Entity
@Table(name = "reading_log")
public class ReadingLog extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "participant_id")
    public Long participantId;

    @Column(name = "challenge_id")
    public Long challengeId;

    public String title;
    public String author;
    public String isbn;
    public Integer pages;
    public Integer minutes;
    public boolean finished;

    @Column(name = "read_on")
    public LocalDate readOn;

    public String review;

    @Column(name = "share_review")
    public boolean shareReview;

    public int points;

    @Enumerated(EnumType.STRING)
    public LogStatus status;

    @Column(name = "flag_reason")
    public String flagReason;

    @Column(name = "counted_at")
    public Instant countedAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
