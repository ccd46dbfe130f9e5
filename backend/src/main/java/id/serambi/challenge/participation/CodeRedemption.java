package id.serambi.challenge.participation;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** A participant's use of a secret code (once each); its points count in their totals. */
@Entity
@Table(name = "code_redemption")
@IdClass(CodeRedemption.Key.class)
public class CodeRedemption extends PanacheEntityBase {

    public record Key(Long codeId, Long participantId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "code_id")
    public Long codeId;

    @Id
    @Column(name = "participant_id")
    public Long participantId;

    public int points;

    @Column(name = "redeemed_at")
    public Instant redeemedAt;
}
