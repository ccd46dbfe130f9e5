package id.serambi.conversation.polling;

import id.serambi.campaign.PublishedVariants;
import id.serambi.conversation.ConversationChannel;
import id.serambi.conversation.ConversationKind;
import id.serambi.conversation.Conversations;
import id.serambi.conversation.InboundMessage;
import id.serambi.social.PollRequest;
import id.serambi.social.Polled;
import id.serambi.social.PublishFailure;
import id.serambi.social.SocialAccounts;
import id.serambi.social.SocialPlatform;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Polls each connected account's inbox once, account after account, and ingests what it finds (each message in its own
 * transaction, idempotent on its platform id, so a message a webhook also delivered is stored once):
 * <ol>
 * <li>claims the account's poll state (a lease taken by one UPDATE, so that of several instances one polls an account
 * at a time), unless the platform asked to wait and the wait is not over;</li>
 * <li>asks the social feature, outside any transaction: X's mentions since the last newest id; Meta's comments on the
 * library's posts published within {@link PollingSettings#postWindow()} and the account's conversations, since the last
 * poll's start less {@link PollingSettings#overlap()};</li>
 * <li>ingests every item, then releases the lease with where the poll got to. A rate limit (X's 429 or
 * {@code x-rate-limit-remaining: 0}, Meta's throttling) records the wait until the platform's reset, so that no call
 * is made for that account before then; a refused token has already turned the connection "needs reconnecting" (as
 * for publishing). One account's failure never stops the others.</li>
 * </ol>
 */
@Singleton
public class PollingService {

    private static final Logger LOG = Logger.getLogger(PollingService.class);
    private static final List<SocialPlatform> ORDER = List.of(SocialPlatform.X, SocialPlatform.FACEBOOK,
            SocialPlatform.INSTAGRAM);

    /** What one account's poll did. */
    public enum Result {
        /** Read and ingested. */
        POLLED,
        /** Not polled: another instance holds the account's lease, or the platform's wait is not over. */
        SKIPPED,
        /** No usable connection on the platform. */
        NOT_CONNECTED,
        /** The platform or the database failed; the message says why (a rate limit's wait is recorded). */
        FAILED
    }

    /** One account's outcome: how many messages it read and how many of them were new. */
    public record Outcome(SocialPlatform platform, String accountId, Result result, int received, int stored,
            String error) {
    }

    private final SocialAccounts accounts;
    private final PublishedVariants published;
    private final Conversations conversations;
    private final PollStateRepository states;
    private final PollingSettings settings;

    public PollingService(SocialAccounts accounts, PublishedVariants published, Conversations conversations,
            PollStateRepository states, PollingSettings settings) {
        this.accounts = accounts;
        this.published = published;
        this.conversations = conversations;
        this.states = states;
        this.settings = settings;
    }

    /** Polls every connected account now. */
    public Uni<List<Outcome>> pollAll() {
        return pollAll(Instant.now());
    }

    /** Polls every connected account as at {@code now} (the tests move the clock to see a rate limit's wait end). */
    public Uni<List<Outcome>> pollAll(Instant now) {
        List<Outcome> outcomes = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (SocialPlatform platform : ORDER) {
            chain = chain.chain(() -> poll(platform, now).onFailure().recoverWithItem(e -> {
                LOG.errorf(e, "Polling %s failed", platform.label());
                return new Outcome(platform, null, Result.FAILED, 0, 0, e.toString());
            }).invoke(outcomes::add).replaceWithVoid());
        }
        return chain.replaceWith(outcomes);
    }

    private Uni<Outcome> poll(SocialPlatform platform, Instant now) {
        return accounts.connectedAccount(platform).chain(account -> {
            if (account == null) {
                return Uni.createFrom().item(new Outcome(platform, null, Result.NOT_CONNECTED, 0, 0, null));
            }
            UUID claim = UUID.randomUUID();
            return Panache.withTransaction(() -> states.claim(platform.name(), account, claim, now, settings.lease()))
                    .chain(claimed -> claimed == null
                            ? Uni.createFrom().item(new Outcome(platform, account, Result.SKIPPED, 0, 0, null))
                            : poll(platform, account, claim, claimed, now));
        });
    }

    private Uni<Outcome> poll(SocialPlatform platform, String account, UUID claim, PollStateRepository.Claimed state,
            Instant now) {
        return request(platform, state, now).chain(request -> accounts.poll(platform, request))
                .chain(polled -> ingest(polled.items()).chain(stored -> {
                    Instant waitUntil = polled.waitFor() == null ? null : now.plus(polled.waitFor());
                    return release(platform, account, claim, polled.complete() ? polled.newestId() : null,
                            polled.complete() ? now : null, waitUntil, null)
                            .replaceWith(new Outcome(platform, account, Result.POLLED, polled.items().size(), stored, null));
                }))
                .onFailure().recoverWithUni(f -> {
                    Instant waitUntil = null;
                    if (f instanceof PublishFailure p && p.kind() == PublishFailure.Kind.TEMPORARY
                            && (p.retryAfter() != null || Integer.valueOf(429).equals(p.httpStatus()))) {
                        waitUntil = now.plus(p.retryAfter() != null ? p.retryAfter() : settings.defaultWait());
                    }
                    String error = f instanceof PublishFailure ? f.getMessage() : f.toString();
                    LOG.warnf("Polling %s account %s failed%s: %s", platform.label(), account,
                            waitUntil == null ? "" : " (waiting until " + waitUntil + ")", error);
                    return release(platform, account, claim, null, null, waitUntil, error)
                            .replaceWith(new Outcome(platform, account, Result.FAILED, 0, 0, error));
                });
    }

    /** X polls since the last newest id; Meta since the last poll's start (less the overlap) on its recent posts. */
    private Uni<PollRequest> request(SocialPlatform platform, PollStateRepository.Claimed state, Instant now) {
        if (platform == SocialPlatform.X) {
            return Uni.createFrom().item(new PollRequest(state.sinceId(), null, List.of()));
        }
        Instant since = state.polledAt() == null ? now.minus(settings.firstLookback())
                : state.polledAt().minus(settings.overlap());
        return published.externalIdsSince(platform, now.minus(settings.postWindow()), settings.posts())
                .map(posts -> new PollRequest(null, since, posts));
    }

    /** Ingests the items one after another; answers how many were new. An unusable item is skipped. */
    private Uni<Integer> ingest(List<Polled.Item> items) {
        Uni<Integer> stored = Uni.createFrom().item(0);
        for (Polled.Item item : items) {
            InboundMessage message;
            try {
                message = new InboundMessage(ConversationChannel.valueOf(item.platform().name()),
                        ConversationKind.valueOf(item.kind().name()), item.threadKey(), item.externalId(),
                        item.accountId(), item.senderId(), item.senderName(), item.text(), item.sentAt(),
                        item.postExternalId());
            } catch (IllegalArgumentException | NullPointerException e) {
                LOG.debugf("Skipping a polled %s item that is not a usable message: %s", item.platform(), e.getMessage());
                continue;
            }
            stored = stored.chain(n -> conversations.ingest(message).map(r -> r.duplicate() ? n : n + 1));
        }
        return stored;
    }

    private Uni<Integer> release(SocialPlatform platform, String account, UUID claim, String sinceId, Instant polledAt,
            Instant waitUntil, String error) {
        String why = error == null || error.length() <= 2000 ? error : error.substring(0, 1999) + "…";
        return Panache.withTransaction(() -> states.release(platform.name(), account, claim, sinceId, polledAt,
                waitUntil, why));
    }
}
