package id.serambi.campaign.posts;

import id.serambi.campaign.PublishedPosts;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** {@link PublishedPosts} for the other features, on the caller's session. */
@ApplicationScoped
public class PublishedPostLookup implements PublishedPosts {

    private final PostVariantRepository variants;

    public PublishedPostLookup(PostVariantRepository variants) {
        this.variants = variants;
    }

    @Override
    public Uni<PublishedPost> byExternalId(String platform, String externalId) {
        if (platform == null || externalId == null || externalId.isBlank()) {
            return Uni.createFrom().nullItem();
        }
        return variants.publishedPost(platform, externalId);
    }
}
