package id.serambi.challenge.participation;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An account in a challenge, known publicly by its nickname only. The totals are maintained by SQL ({@link Totals})
 * from the valid logs and redeemed codes; Java never adds to them.
 */
@Entity
@Table(name = "participant")
public class Participant extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "challenge_id")
    public Long challengeId;

    @Column(name = "user_id")
    public Long userId;

    public String nickname;
    public String school;
    public boolean hidden;
    public int points;
    public int books;
    public int pages;
    public int minutes;

    @Column(name = "reached_at")
    public Instant reachedAt;

    public long revision;

    @Column(name = "joined_at")
    public Instant joinedAt;

    /** The code of the tracked link that brought the member (issue 22), or null; erased with the account. */
    @Column(name = "ref_code")
    public String refCode;
}
