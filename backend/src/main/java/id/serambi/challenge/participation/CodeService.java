package id.serambi.challenge.participation;

import id.serambi.challenge.catalogue.ChallengeBadge;
import id.serambi.challenge.catalogue.ChallengeRepository;
import id.serambi.common.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;

/** Staff's secret codes: each awards points and/or a badge once per participant. */
@ApplicationScoped
public class CodeService {

    private final CodeRepository codes;
    private final ChallengeRepository challenges;

    public CodeService(CodeRepository codes, ChallengeRepository challenges) {
        this.codes = codes;
        this.challenges = challenges;
    }

    @WithTransaction
    public Uni<StaffDtos.Code> create(long challengeId, StaffDtos.NewCode body) {
        int points = body.points() == null ? 0 : body.points();
        return challenges.existing(challengeId).chain(c -> {
            Uni<ChallengeBadge> badge = body.badge() == null || body.badge().isBlank() ? Uni.createFrom().nullItem()
                    : challenges.badgeNamed(challengeId, body.badge().strip()).onItem().ifNull()
                            .failWith(() -> ProblemException.invalidField("badge", "is not a badge of this challenge"));
            return badge.chain(b -> {
                if (points == 0 && b == null) {
                    throw ProblemException.invalidField("points", "a code must give points, a badge or both");
                }
                return codes.exists(challengeId, body.code()).chain(exists -> {
                    if (exists) {
                        throw ProblemException.conflict("duplicate-code", "Code exists", "This challenge already has the code " + body.code());
                    }
                    ChallengeCode code = new ChallengeCode();
                    code.challengeId = challengeId;
                    code.code = body.code().strip().toUpperCase(Locale.ROOT);
                    code.description = body.description();
                    code.points = points;
                    code.badgeId = b == null ? null : b.id;
                    code.validUntil = body.validUntil();
                    return codes.add(code).map(v -> new StaffDtos.Code(code.id, code.code, code.description,
                            code.points, b == null ? null : b.name, code.validUntil, 0));
                });
            });
        });
    }

    @WithSession
    public Uni<List<StaffDtos.Code>> list(long challengeId) {
        return challenges.existing(challengeId).chain(() -> codes.ofChallenge(challengeId));
    }
}
