package id.serambi.social;

import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** TEMPORARY (issue 15, until the social feature's core lands): no platform is connected. Delete it then. */
@DefaultBean
@ApplicationScoped
public class UnwiredSocialAccounts implements SocialAccounts {

    @Override
    public Uni<Boolean> isConnected(SocialPlatform platform) {
        return Uni.createFrom().item(false);
    }

    @Override
    public MediaRules mediaRules(SocialPlatform platform) {
        return switch (platform) {
            case FACEBOOK -> MediaRules.FACEBOOK;
            case INSTAGRAM -> MediaRules.INSTAGRAM;
            case X -> MediaRules.X;
        };
    }

    @Override
    public Uni<PublishedPost> publish(SocialPlatform platform, OutgoingPost post) {
        return Uni.createFrom().failure(new PublishFailure(PublishFailure.Kind.NOT_CONNECTED,
                platform.label() + " is not connected", null, null));
    }

    @Override
    public Uni<PostMetrics> metrics(SocialPlatform platform, String externalId) {
        return Uni.createFrom().failure(new PublishFailure(PublishFailure.Kind.NOT_CONNECTED,
                platform.label() + " is not connected", null, null));
    }
}
