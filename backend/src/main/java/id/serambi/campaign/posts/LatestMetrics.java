package id.serambi.campaign.posts;

import id.serambi.campaign.posts.PostDtos.MetricsView;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Map;

/**
 * The latest metrics snapshot of each variant, shown with a post. Metrics belong to analytics, which builds on posts;
 * analytics implements this so that posts need not know it.
 */
public interface LatestMetrics {

    /** By variant id; a variant without a snapshot is absent. Runs on the caller's session. */
    Uni<Map<Long, MetricsView>> forVariants(List<Long> variantIds);
}
