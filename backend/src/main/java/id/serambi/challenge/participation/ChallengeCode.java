package id.serambi.challenge.participation;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A secret code given out (for example at an event) that awards points or a badge once per participant. */
@Entity
@Table(name = "challenge_code")
public class ChallengeCode extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "challenge_id")
    public Long challengeId;

    public String code;
    public String description;
    public int points;

    @Column(name = "badge_id")
    public Long badgeId;

    @Column(name = "valid_until")
    public Instant validUntil;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();
}
