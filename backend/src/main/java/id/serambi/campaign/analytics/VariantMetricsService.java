package id.serambi.campaign.analytics;

import id.serambi.campaign.posts.LatestMetrics;
import id.serambi.campaign.posts.PostDtos.MetricsRequest;
import id.serambi.campaign.posts.PostDtos.MetricsView;
import id.serambi.campaign.posts.PostRepository;
import id.serambi.campaign.posts.PostVariantRepository;
import id.serambi.social.SocialPlatform;
import id.serambi.common.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Metric snapshots sent as JSON for one published variant, and the latest snapshot of each variant for its post. */
@ApplicationScoped
public class VariantMetricsService implements LatestMetrics {

    private final PostRepository posts;
    private final PostVariantRepository variants;
    private final VariantMetricRepository metrics;

    public VariantMetricsService(PostRepository posts, PostVariantRepository variants, VariantMetricRepository metrics) {
        this.posts = posts;
        this.variants = variants;
        this.metrics = metrics;
    }

    @WithTransaction
    public Uni<MetricsView> record(long postId, SocialPlatform platform, MetricsRequest r) {
        return posts.findById(postId).onItem().ifNull().failWith(() -> ProblemException.notFound("Post", postId))
                .chain(p -> variants.ofPost(postId, platform)).chain(v -> {
                    if (v == null) {
                        return Uni.createFrom().failure(ProblemException.notFound("Variant", postId + "/" + platform));
                    }
                    if (v.publishedUrl == null) {
                        return Uni.createFrom().failure(ProblemException.conflict("not-published", "Not published",
                                platform.label() + " variant of post " + postId + " is not published yet"));
                    }
                    Map<MetricsImportService.Field, Long> values = new EnumMap<>(MetricsImportService.Field.class);
                    put(values, MetricsImportService.Field.IMPRESSIONS, r.impressions());
                    put(values, MetricsImportService.Field.REACH, r.reach());
                    put(values, MetricsImportService.Field.REACTIONS, r.reactions());
                    put(values, MetricsImportService.Field.COMMENTS, r.comments());
                    put(values, MetricsImportService.Field.SHARES, r.shares());
                    put(values, MetricsImportService.Field.SAVES, r.saves());
                    put(values, MetricsImportService.Field.CLICKS, r.clicks());
                    put(values, MetricsImportService.Field.VIDEO_VIEWS, r.videoViews());
                    if (values.isEmpty()) {
                        return Uni.createFrom().failure(ProblemException.invalidField("body", "send at least one number"));
                    }
                    VariantMetric m = MetricsImportService.snapshot(v.id, "MANUAL", values);
                    return metrics.persist(m).map(x -> view(m));
                });
    }

    /** The latest snapshot of each variant, on the caller's session. */
    @Override
    public Uni<Map<Long, MetricsView>> forVariants(List<Long> variantIds) {
        return metrics.latest(variantIds).map(latest -> {
            Map<Long, MetricsView> views = new LinkedHashMap<>();
            latest.forEach((id, m) -> views.put(id, view(m)));
            return views;
        });
    }

    static MetricsView view(VariantMetric m) {
        long engagements = Engagement.engagements(m.reactions, m.comments, m.shares, m.saves, m.clicks);
        return new MetricsView(m.capturedAt, m.source, m.impressions, m.reach, m.reactions, m.comments, m.shares,
                m.saves, m.clicks, m.videoViews, engagements, Engagement.rate(engagements,
                        m.impressions == null ? 0 : m.impressions));
    }

    private static void put(Map<MetricsImportService.Field, Long> values, MetricsImportService.Field f, Long value) {
        if (value != null) {
            values.put(f, value);
        }
    }
}
