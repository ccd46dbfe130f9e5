package id.serambi.campaign;

import id.serambi.social.SocialPlatform;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;

/**
 * What other features may know of the posts the library published: the platforms' ids of its recent published
 * variants (the conversations inbox polls their comments when a webhook was missed).
 */
public interface PublishedVariants {

    /**
     * The platform ids ({@code external_id}) of the variants published on the platform since the time, newest first,
     * at most {@code limit}. Chain on the caller's session, or call it alone.
     */
    Uni<List<String>> externalIdsSince(SocialPlatform platform, Instant since, int limit);
}
