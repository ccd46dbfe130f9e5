package id.serambi.campaign;

import id.serambi.campaign.PostDtos.MetricsRequest;
import id.serambi.campaign.PostDtos.MetricsView;
import id.serambi.common.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;

/** Metric snapshots sent as JSON for one published variant. */
@ApplicationScoped
public class VariantMetricsService {

    @WithTransaction
    public Uni<MetricsView> record(long postId, SocialPlatform platform, MetricsRequest r) {
        return PostService.find(postId).chain(p -> PostVariant.<PostVariant>find("postId = ?1 and platform = ?2", postId, platform)
                .<PostVariant>firstResult()).chain(v -> {
                    if (v == null) {
                        return Uni.createFrom().failure(ProblemException.notFound("Variant", postId + "/" + platform));
                    }
                    if (v.publishedUrl == null) {
                        return Uni.createFrom().failure(ProblemException.conflict("not-published", "Not published",
                                platform.label() + " variant of post " + postId + " is not published yet"));
                    }
                    Map<MetricsImport.Field, Long> values = new EnumMap<>(MetricsImport.Field.class);
                    put(values, MetricsImport.Field.IMPRESSIONS, r.impressions());
                    put(values, MetricsImport.Field.REACH, r.reach());
                    put(values, MetricsImport.Field.REACTIONS, r.reactions());
                    put(values, MetricsImport.Field.COMMENTS, r.comments());
                    put(values, MetricsImport.Field.SHARES, r.shares());
                    put(values, MetricsImport.Field.SAVES, r.saves());
                    put(values, MetricsImport.Field.CLICKS, r.clicks());
                    put(values, MetricsImport.Field.VIDEO_VIEWS, r.videoViews());
                    if (values.isEmpty()) {
                        return Uni.createFrom().failure(ProblemException.invalidField("body", "send at least one number"));
                    }
                    VariantMetric m = MetricsImport.snapshot(v.id, "API", values);
                    return m.persist().map(x -> MetricsView.of(m));
                });
    }

    private static void put(Map<MetricsImport.Field, Long> values, MetricsImport.Field f, Long value) {
        if (value != null) {
            values.put(f, value);
        }
    }
}
