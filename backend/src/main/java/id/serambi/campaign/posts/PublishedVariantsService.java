package id.serambi.campaign.posts;

import id.serambi.campaign.PublishedVariants;
import id.serambi.social.SocialPlatform;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** {@link PublishedVariants}: a read of post_variant's published rows. */
@ApplicationScoped
public class PublishedVariantsService implements PublishedVariants {

    private final PostVariantRepository variants;

    public PublishedVariantsService(PostVariantRepository variants) {
        this.variants = variants;
    }

    @Override
    @WithSession
    public Uni<List<String>> externalIdsSince(SocialPlatform platform, Instant since, int limit) {
        return variants.externalIdsPublishedSince(platform, since, limit);
    }
}
