package id.serambi.campaign.planning;

import id.serambi.campaign.planning.CampaignDtos.CampaignRequest;
import id.serambi.campaign.planning.CampaignDtos.CampaignView;
import id.serambi.campaign.planning.CampaignDtos.KpiTarget;
import id.serambi.campaign.posts.PostRepository;
import id.serambi.common.IfMatch;
import id.serambi.common.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Staff plan campaigns: a theme, a period, target platforms and KPI targets. */
@ApplicationScoped
public class CampaignService {

    private final CampaignRepository campaigns;
    private final CampaignKpiRepository kpis;
    private final PostRepository posts;

    public CampaignService(CampaignRepository campaigns, CampaignKpiRepository kpis, PostRepository posts) {
        this.campaigns = campaigns;
        this.kpis = kpis;
        this.posts = posts;
    }

    @WithTransaction
    public Uni<CampaignView> create(CampaignRequest request, long staffId) {
        validate(request);
        Campaign c = new Campaign();
        c.createdBy = staffId;
        apply(c, request);
        return campaigns.persistAndFlush(c).chain(() -> replaceKpis(c.id, request.kpiTargets()))
                .chain(() -> view(c));
    }

    /** Optimistic versioning like posts: the row is locked, and a version other than the one sent is a 409. */
    @WithTransaction
    public Uni<CampaignView> update(long id, int expectedVersion, CampaignRequest request) {
        validate(request);
        return campaigns.locked(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Campaign", id))
                .chain(c -> {
                    IfMatch.check("Campaign", id, c.version, expectedVersion);
                    apply(c, request);
                    c.version++;
                    return replaceKpis(c.id, request.kpiTargets()).chain(() -> view(c));
                });
    }

    @WithSession
    public Uni<CampaignView> get(long id) {
        return campaigns.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Campaign", id))
                .chain(this::view);
    }

    /** Every campaign, the newest period first. */
    @WithSession
    public Uni<List<CampaignView>> list() {
        return campaigns.newestFirst().chain(all -> kpis.allByMetric().chain(targets -> posts.countsByCampaign()
                .map(counts -> {
                    Map<Long, List<CampaignKpi>> byCampaign = targets.stream()
                            .collect(Collectors.groupingBy(k -> k.campaignId));
                    return all.stream().map(c -> CampaignView.of(c, byCampaign.getOrDefault(c.id, List.of()),
                            counts.getOrDefault(c.id, 0L))).toList();
                })));
    }

    /** Whether a campaign has this title (the demo data plans each campaign once). */
    @WithSession
    public Uni<Boolean> titleTaken(String title) {
        return campaigns.titleTaken(title);
    }

    private Uni<CampaignView> view(Campaign c) {
        return kpis.ofCampaign(c.id).chain(targets -> posts.countInCampaign(c.id).map(n -> CampaignView.of(c, targets, n)));
    }

    private static void validate(CampaignRequest r) {
        if (r.endsOn().isBefore(r.startsOn())) {
            throw ProblemException.invalidField("endsOn", "must not be before startsOn");
        }
        if (r.platforms() != null && new HashSet<>(r.platforms()).size() != r.platforms().size()) {
            throw ProblemException.invalidField("platforms", "each platform at most once");
        }
        if (r.kpiTargets() != null) {
            Set<KpiMetric> seen = new HashSet<>();
            for (int i = 0; i < r.kpiTargets().size(); i++) {
                KpiTarget k = r.kpiTargets().get(i);
                if (!seen.add(k.metric())) {
                    throw ProblemException.invalidField("kpiTargets[" + i + "].metric", k.metric() + " appears twice");
                }
                if (k.metric() == KpiMetric.ENGAGEMENT_RATE && k.target().doubleValue() > 1) {
                    throw ProblemException.invalidField("kpiTargets[" + i + "].target",
                            "an engagement rate is a fraction between 0 and 1 (0.05 = 5 %)");
                }
            }
        }
    }

    private static void apply(Campaign c, CampaignRequest r) {
        c.title = r.title().strip();
        c.goal = r.goal() == null ? "" : r.goal().strip();
        c.theme = r.theme();
        c.startsOn = r.startsOn();
        c.endsOn = r.endsOn();
        c.platforms = r.platforms() == null ? new String[0]
                : r.platforms().stream().sorted().map(Enum::name).toArray(String[]::new);
    }

    private Uni<Void> replaceKpis(long campaignId, List<KpiTarget> targets) {
        return kpis.deleteOfCampaign(campaignId).chain(() -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (KpiTarget t : targets == null ? List.<KpiTarget>of() : targets) {
                CampaignKpi k = new CampaignKpi();
                k.campaignId = campaignId;
                k.metric = t.metric();
                k.target = t.target();
                chain = chain.chain(() -> kpis.persist(k)).replaceWithVoid();
            }
            return chain.chain(kpis::flush);
        });
    }
}
