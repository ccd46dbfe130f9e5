package id.serambi.social.connections;

import id.serambi.social.GrantedAccount;
import id.serambi.social.MediaRules;
import id.serambi.social.OutgoingPost;
import id.serambi.social.PollRequest;
import id.serambi.social.Polled;
import id.serambi.social.PostMetrics;
import id.serambi.social.PublishFailure;
import id.serambi.social.PublishedPost;
import id.serambi.social.SocialAccounts;
import id.serambi.social.SocialPlatform;
import id.serambi.social.SocialProvider;
import id.serambi.social.SocialReply;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The social feature's published facade. A platform call goes: load and decrypt the connection in a short session;
 * refresh its token first when it expires within 5 minutes and can be refreshed (row locked meanwhile); then call the
 * provider outside any transaction, bounded by {@code serambi.social.timeout} per platform call. A refused token turns
 * the connection "needs reconnecting" and tells the admins, once.
 */
@ApplicationScoped
public class SocialAccountsService implements SocialAccounts {

    private static final Logger LOG = Logger.getLogger(SocialAccountsService.class);
    static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);

    private final ConnectionStore store;
    private final SocialProviders providers;
    private final Duration timeout;
    private final Duration processingWait;

    public SocialAccountsService(ConnectionStore store, SocialProviders providers, SocialSettings settings) {
        this.store = store;
        this.providers = providers;
        this.timeout = settings.timeout();
        this.processingWait = settings.instagramProcessingWait();
    }

    @Override
    public Uni<Boolean> isConnected(SocialPlatform platform) {
        return store.isConnected(platform);
    }

    @Override
    public MediaRules mediaRules(SocialPlatform platform) {
        return providers.of(platform).map(SocialProvider::mediaRules).orElseGet(() -> switch (platform) {
            case FACEBOOK -> MediaRules.FACEBOOK;
            case INSTAGRAM -> MediaRules.INSTAGRAM;
            case X -> MediaRules.X;
        });
    }

    @Override
    public Uni<PublishedPost> publish(SocialPlatform platform, OutgoingPost post) {
        // Instagram waits for its container to finish processing: allow for that on top of the single calls.
        Duration bound = timeout.multipliedBy(6).plus(platform == SocialPlatform.INSTAGRAM ? processingWait : Duration.ZERO);
        return call(platform, bound, (provider, account) -> provider.publish(account, post));
    }

    @Override
    public Uni<PostMetrics> metrics(SocialPlatform platform, String externalId) {
        return call(platform, timeout.multipliedBy(3), (provider, account) -> provider.metrics(account, externalId));
    }

    @Override
    public Uni<String> reply(SocialPlatform platform, SocialReply reply) {
        return call(platform, timeout.multipliedBy(2), (provider, account) -> provider.reply(account, reply));
    }

    @Override
    public Uni<String> connectedAccount(SocialPlatform platform) {
        return store.connectedAccount(platform);
    }

    /** A poll reads several pages (X's mentions, Meta's comments per post and the conversations): a wider bound. */
    @Override
    public Uni<Polled> poll(SocialPlatform platform, PollRequest request) {
        return call(platform, timeout.multipliedBy(10), (provider, account) -> provider.poll(account, request));
    }

    private interface Call<T> {
        Uni<T> on(SocialProvider provider, GrantedAccount account);
    }

    private <T> Uni<T> call(SocialPlatform platform, Duration bound, Call<T> call) {
        SocialProvider provider = providers.of(platform).orElse(null);
        if (provider == null) {
            return Uni.createFrom().failure(new PublishFailure(PublishFailure.Kind.NOT_CONNECTED,
                    "Serambi cannot publish to " + platform.label() + " yet", null, null));
        }
        return Uni.createFrom().deferred(() -> store.account(platform))
                .chain(account -> fresh(provider, account))
                .chain(account -> bounded(call.on(provider, account), bound))
                .onFailure(PublishFailure.class).call(f -> tokenInvalid(platform, (PublishFailure) f));
    }

    /** The account, its token refreshed first if it expires within 5 minutes and has a refresh token. */
    private Uni<GrantedAccount> fresh(SocialProvider provider, GrantedAccount account) {
        if (account.refreshToken() == null || account.expiresAt() == null
                || account.expiresAt().isAfter(Instant.now().plus(REFRESH_MARGIN))) {
            return Uni.createFrom().item(account);
        }
        Function<GrantedAccount, Uni<GrantedAccount>> refresh = current -> bounded(provider.refresh(current), timeout.multipliedBy(2));
        return store.refreshLocked(account.platform(), REFRESH_MARGIN, refresh);
    }

    private <T> Uni<T> bounded(Uni<T> call, Duration bound) {
        return Uni.createFrom().deferred(() -> call).ifNoItem().after(bound)
                .failWith(() -> new PublishFailure(PublishFailure.Kind.TEMPORARY,
                        "No answer within " + bound.toSeconds() + " s", null, null))
                .onFailure(f -> !(f instanceof PublishFailure))
                .transform(f -> new PublishFailure(PublishFailure.Kind.TEMPORARY, "Platform call failed: "
                        + f.getClass().getSimpleName(), null, null));
    }

    private Uni<Void> tokenInvalid(SocialPlatform platform, PublishFailure f) {
        if (f.kind() != PublishFailure.Kind.TOKEN_INVALID) {
            return Uni.createFrom().voidItem();
        }
        // The caller must still learn that the token was refused, even if recording it failed.
        return store.needsReconnect(platform, f.getMessage()).onFailure().recoverWithUni(e -> {
            LOG.errorf(e, "Could not mark the %s connection as needing reconnecting", platform);
            return Uni.createFrom().voidItem();
        });
    }
}
