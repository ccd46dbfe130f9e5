package id.serambi.social;

import io.smallrye.mutiny.Uni;

/**
 * What other features may know of connected social accounts: the published interface of the social feature. Tokens
 * never leave the feature.
 */
public interface SocialAccounts {

    /** Whether the platform has a connection that can publish now (not "needs reconnecting"). Chain on the caller's session. */
    Uni<Boolean> isConnected(SocialPlatform platform);

    /** The platform's media rules (its provider's). */
    MediaRules mediaRules(SocialPlatform platform);

    /**
     * Publishes through the platform's connected account (refreshing its token first when it is about to expire). Opens
     * its own sessions: call it outside any transaction, since it waits on the platform. Fails with
     * {@link PublishFailure}; on {@link PublishFailure.Kind#TOKEN_INVALID} the connection has already been marked "needs
     * reconnecting" and the admins told. Never retries by itself.
     */
    Uni<PublishedPost> publish(SocialPlatform platform, OutgoingPost post);

    /** A published post's current figures; same sessions and failures as {@link #publish}. */
    Uni<PostMetrics> metrics(SocialPlatform platform, String externalId);

    /**
     * Sends a reply from the inbox through the platform's connected account; same sessions and failures as
     * {@link #publish}. Answers the platform's id of what was sent.
     */
    default Uni<String> reply(SocialPlatform platform, SocialReply reply) {
        return Uni.createFrom().failure(new PublishFailure(PublishFailure.Kind.NOT_CONNECTED,
                "Serambi cannot reply on " + platform.label() + " yet", null, null));
    }

    /**
     * The platform id of the platform's connected account (the Page, Instagram or X user id), or null when it has none
     * that can be used now. Chain on the caller's session.
     */
    default Uni<String> connectedAccount(SocialPlatform platform) {
        return Uni.createFrom().nullItem();
    }

    /**
     * Polls the platform's connected account ({@link SocialProvider#poll}); same sessions and failures as
     * {@link #publish}: a refused token marks the connection "needs reconnecting", a rate limit is a
     * {@link PublishFailure.Kind#TEMPORARY} failure with the wait.
     */
    default Uni<Polled> poll(SocialPlatform platform, PollRequest request) {
        return Uni.createFrom().failure(new PublishFailure(PublishFailure.Kind.NOT_CONNECTED,
                "Serambi cannot read " + platform.label() + "'s inbox yet", null, null));
    }
}
