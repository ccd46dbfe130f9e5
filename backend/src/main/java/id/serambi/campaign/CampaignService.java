package id.serambi.campaign;

import id.serambi.campaign.CampaignDtos.CampaignRequest;
import id.serambi.campaign.CampaignDtos.CampaignView;
import id.serambi.campaign.CampaignDtos.KpiTarget;
import id.serambi.common.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Staff plan campaigns: a theme, a period, target platforms and KPI targets. */
@ApplicationScoped
public class CampaignService {

    @WithTransaction
    public Uni<CampaignView> create(CampaignRequest request, long staffId) {
        validate(request);
        Campaign c = new Campaign();
        c.createdBy = staffId;
        c.createdAt = Instant.now();
        apply(c, request);
        return c.<Campaign>persistAndFlush().chain(() -> replaceKpis(c.id, request.kpiTargets()))
                .chain(() -> view(c));
    }

    /** Optimistic versioning like posts: the row is locked, and a version other than the one sent is a 409. */
    @WithTransaction
    public Uni<CampaignView> update(long id, int expectedVersion, CampaignRequest request) {
        validate(request);
        return Campaign.<Campaign>findById(id, LockModeType.PESSIMISTIC_WRITE).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("Campaign", id)).chain(c -> {
            if (c.version != expectedVersion) {
                return Uni.createFrom().failure(new ProblemException(409, "stale-version", "Changed by someone else",
                        "Campaign " + id + " is at version " + c.version + " but you edited version " + expectedVersion
                                + "; reload it and apply your changes again",
                        null, Map.of("ETag", PostService.etag(c.version))));
            }
            apply(c, request);
            c.version++;
            return replaceKpis(c.id, request.kpiTargets()).chain(() -> view(c));
        });
    }

    @WithSession
    public Uni<CampaignView> get(long id) {
        return find(id).chain(CampaignService::view);
    }

    /** Every campaign, the newest period first. */
    @WithSession
    public Uni<List<CampaignView>> list() {
        return Campaign.<Campaign>findAll(Sort.descending("startsOn").and("id", Sort.Direction.Descending)).list()
                .chain(campaigns -> CampaignKpi.<CampaignKpi>list("order by metric").chain(kpis -> Panache.getSession()
                        .chain(s -> s.createQuery("select p.campaignId, count(p) from Post p where p.campaignId is not null group by p.campaignId",
                                Object[].class).getResultList())
                        .map(counts -> {
                            Map<Long, Long> posts = counts.stream()
                                    .collect(Collectors.toMap(r -> (Long) r[0], r -> (Long) r[1]));
                            Map<Long, List<CampaignKpi>> byCampaign = kpis.stream()
                                    .collect(Collectors.groupingBy(k -> k.campaignId));
                            return campaigns.stream().map(c -> CampaignView.of(c,
                                    byCampaign.getOrDefault(c.id, List.of()), posts.getOrDefault(c.id, 0L))).toList();
                        })));
    }

    static Uni<Campaign> find(long id) {
        return Campaign.<Campaign>findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Campaign", id));
    }

    private static Uni<CampaignView> view(Campaign c) {
        return CampaignKpi.<CampaignKpi>list("campaignId = ?1 order by metric", c.id)
                .chain(kpis -> Post.count("campaignId", c.id).map(n -> CampaignView.of(c, kpis, n)));
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
        c.updatedAt = Instant.now();
    }

    private static Uni<Void> replaceKpis(long campaignId, List<KpiTarget> targets) {
        return CampaignKpi.delete("campaignId", campaignId).chain(() -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (KpiTarget t : targets == null ? List.<KpiTarget>of() : targets) {
                CampaignKpi k = new CampaignKpi();
                k.campaignId = campaignId;
                k.metric = t.metric();
                k.target = t.target();
                chain = chain.chain(() -> k.persist()).replaceWithVoid();
            }
            return chain.chain(() -> Panache.getSession().chain(s -> s.flush()));
        });
    }
}
