package id.serambi.challenge.participation;

import id.serambi.common.PersonalDataPart;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The challenges' part of a member's personal data: their participations with logs and redeemed codes. Erasure keeps
 * the anonymous totals, so results and boards stay consistent: reviews are cleared, and each participant becomes
 * {@code anonim-<id>}, without a school, hidden from the boards (which learn of it at once).
 */
@ApplicationScoped
public class ChallengePersonalData implements PersonalDataPart {

    private final ParticipantRepository participants;
    private final Totals totals;

    public ChallengePersonalData(ParticipantRepository participants, Totals totals) {
        this.participants = participants;
        this.totals = totals;
    }

    @Override
    public String key() {
        return "challenges";
    }

    @Override
    public Uni<String> export(Member member) {
        return participants.export(member.userId());
    }

    @Override
    public Uni<Void> erase(Member member) {
        return participants.clearReviews(member.userId())
                .chain(() -> participants.anonymise(member.userId()))
                .chain(this::touchAll);
    }

    private Uni<Void> touchAll(List<Long> participantIds) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Long id : participantIds) {
            chain = chain.chain(() -> totals.touch(id));
        }
        return chain;
    }
}
