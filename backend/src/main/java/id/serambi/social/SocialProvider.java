package id.serambi.social;

import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * One platform's API: authorization, publishing, metrics and its media rules. One implementation per platform (an
 * {@code @ApplicationScoped} bean), so that Mastodon, Bluesky, Threads or TikTok can be added as one more file.
 * Implementations are stateless: the social feature's core stores the tokens (encrypted), refreshes them and marks a
 * connection "needs reconnecting". They call the platform with the base URL from configuration and never log a token.
 * Every failure is a {@link PublishFailure}.
 */
public interface SocialProvider {

    SocialPlatform platform();

    /** The platform's rules for media on one post, checked when a post is submitted for review. */
    MediaRules mediaRules();

    /**
     * The platform's authorization page, where staff sign in and grant Serambi access.
     *
     * @param codeChallenge the PKCE S256 challenge of the verifier the core keeps with the state (X requires it; Meta
     *                      may ignore it)
     */
    String authorizationUrl(String state, String codeChallenge, String redirectUri);

    /**
     * Exchanges the authorization code sent back to {@code redirectUri} for the accounts it grants. Meta's Facebook
     * Login grants Pages and the Instagram accounts linked to them (each Page token from a long-lived user token); the
     * Facebook provider returns both platforms' accounts and the Instagram provider may delegate to it.
     */
    Uni<List<GrantedAccount>> exchange(String code, String codeVerifier, String redirectUri);

    /**
     * Checks a token that staff pasted (Meta Business Suite's system-user token) against the platform and returns the
     * accounts it grants; a token the platform refuses fails with {@link PublishFailure.Kind#TOKEN_INVALID}. Platforms
     * without such tokens fail with {@link PublishFailure.Kind#PERMANENT}.
     */
    Uni<List<GrantedAccount>> verify(String token);

    /**
     * New tokens for an account whose access token is about to expire (X's refresh token, which X rotates); fails with
     * {@link PublishFailure.Kind#TOKEN_INVALID} when the platform refuses or has no refresh.
     */
    Uni<GrantedAccount> refresh(GrantedAccount current);

    /** Publishes the post on the account; the platform's id and permalink come back. Never retries by itself. */
    Uni<PublishedPost> publish(GrantedAccount account, OutgoingPost post);

    /** The post's current figures. */
    Uni<PostMetrics> metrics(GrantedAccount account, String externalId);

    /**
     * Sends a reply from the inbox on the account; the platform's id of the sent comment or message comes back. A
     * platform without replies fails with {@link PublishFailure.Kind#NOT_CONNECTED}.
     */
    default Uni<String> reply(GrantedAccount account, SocialReply reply) {
        return Uni.createFrom().failure(new PublishFailure(PublishFailure.Kind.NOT_CONNECTED,
                "Serambi cannot reply on " + platform().label() + " yet", null, null));
    }

    /**
     * Reads what arrived on the account since the request's bounds: X's mentions, Meta's comments on the given posts and
     * the account's conversations. A platform without polling fails with {@link PublishFailure.Kind#NOT_CONNECTED}.
     */
    default Uni<Polled> poll(GrantedAccount account, PollRequest request) {
        return Uni.createFrom().failure(new PublishFailure(PublishFailure.Kind.NOT_CONNECTED,
                "Serambi cannot read " + platform().label() + "'s inbox yet", null, null));
    }
}
