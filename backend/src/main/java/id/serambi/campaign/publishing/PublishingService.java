package id.serambi.campaign.publishing;

import id.serambi.account.Role;
import id.serambi.campaign.posts.CharacterCount;
import id.serambi.campaign.posts.Delivery;
import id.serambi.campaign.posts.Post;
import id.serambi.campaign.posts.PostDtos.PostView;
import id.serambi.campaign.posts.PostMediaRepository;
import id.serambi.campaign.posts.PostRepository;
import id.serambi.campaign.posts.PostService;
import id.serambi.campaign.posts.PostStatus;
import id.serambi.campaign.posts.PostTransition;
import id.serambi.campaign.posts.PostTransitionRepository;
import id.serambi.campaign.posts.PostVariant;
import id.serambi.campaign.posts.PostVariantRepository;
import id.serambi.common.ProblemException;
import id.serambi.media.MediaItem;
import id.serambi.media.MediaLibrary;
import id.serambi.notification.Notice;
import id.serambi.notification.NotificationKind;
import id.serambi.notification.Notifications;
import id.serambi.social.OutgoingPost;
import id.serambi.social.PublishFailure;
import id.serambi.social.PublishedPost;
import id.serambi.social.SocialAccounts;
import id.serambi.social.SocialPlatform;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * A variant's way to its platform after its post is scheduled: each step is one short transaction, and the platform
 * is called between them, outside any transaction (see {@link PublishingJob}). Notifications are written in the same
 * transaction as the state they tell of.
 */
@ApplicationScoped
public class PublishingService {

    private static final Logger LOG = Logger.getLogger(PublishingService.class);
    private static final Set<Delivery> RECOVERABLE = EnumSet.of(Delivery.CHECK_NEEDED, Delivery.FAILED, Delivery.MISSED,
            Delivery.MANUAL_DUE);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(30);
    static final String INTERRUPTED = "Percobaan menerbitkan terputus (server berhenti di tengah jalan): periksa di "
            + "platform apakah unggahan sudah terbit, lalu tandai sudah terbit atau coba lagi.";

    /** A claimed variant, ready to go out. */
    public record Due(long variantId, long postId, SocialPlatform platform, OutgoingPost post) {
    }

    private final PostRepository posts;
    private final PostVariantRepository variants;
    private final PostTransitionRepository transitions;
    private final DeliveryRepository deliveries;
    private final PostService postService;
    private final Notifications notifications;
    private final SocialAccounts social;
    private final PublishingSettings settings;

    private final PostMediaRepository postMedia;
    private final MediaLibrary media;

    public PublishingService(PostRepository posts, PostVariantRepository variants, PostTransitionRepository transitions,
            DeliveryRepository deliveries, PostService postService, Notifications notifications, SocialAccounts social,
            PublishingSettings settings, PostMediaRepository postMedia, MediaLibrary media) {
        this.postMedia = postMedia;
        this.media = media;
        this.posts = posts;
        this.variants = variants;
        this.transitions = transitions;
        this.deliveries = deliveries;
        this.postService = postService;
        this.notifications = notifications;
        this.social = social;
        this.settings = settings;
    }

    /** The platforms that can publish now. */
    @WithSession
    public Uni<Set<SocialPlatform>> connectedPlatforms() {
        Set<SocialPlatform> connected = EnumSet.noneOf(SocialPlatform.class);
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (SocialPlatform platform : SocialPlatform.values()) {
            chain = chain.chain(() -> social.isConnected(platform).invoke(yes -> {
                if (yes) {
                    connected.add(platform);
                }
            })).replaceWithVoid();
        }
        return chain.map(nothing -> connected);
    }

    /** Cut-off attempts → CHECK_NEEDED; the author and the admins are told. */
    @WithTransaction
    public Uni<Integer> interruptStale() {
        return deliveries.interruptStale(settings.attemptLease(), INTERRUPTED)
                .call(ids -> each(ids, (v, p) -> notifications.notify(author(p), notice(
                        NotificationKind.POST_CHECK_NEEDED, "Perlu dicek: " + v.platform.label(), v, p, INTERRUPTED))
                        .chain(() -> notifications.notifyRole(Role.ADMIN, notice(NotificationKind.POST_CHECK_NEEDED,
                                "Perlu dicek: " + v.platform.label(), v, p, INTERRUPTED)))))
                .map(List::size);
    }

    /** Due variants to post by hand (manual, or their platform not connected) → MANUAL_DUE; their authors are reminded. */
    @WithTransaction
    public Uni<Integer> remind(Set<SocialPlatform> connected) {
        return deliveries.claimReminders(names(connected))
                .call(ids -> each(ids, (v, p) -> mediaOf(p).chain(files -> notifications.notify(author(p), reminder(v, p, files)))))
                .map(List::size);
    }

    /** Claims due variants for this instance; committed before any platform call. */
    @WithTransaction
    public Uni<List<Due>> claim(Set<SocialPlatform> connected, String instance) {
        return deliveries.claimDue(names(connected), instance, settings.publishBatch()).chain(ids -> ids.isEmpty()
                ? Uni.createFrom().item(List.<Due>of())
                : variants.byIds(ids).chain(claimed -> postsOf(claimed).chain(byId -> {
                    Uni<List<Due>> chain = Uni.createFrom().item(new ArrayList<>());
                    for (PostVariant v : claimed) {
                        Post p = byId.get(v.postId);
                        chain = chain.chain(list -> mediaOf(p).map(media -> {
                            list.add(new Due(v.id, p.id, v.platform, new OutgoingPost(outgoingText(v, p), media)));
                            return list;
                        }));
                    }
                    return chain;
                })));
    }

    /** The post's attached media, in their order: they go out with every variant (and in the manual reminder). */
    private Uni<List<MediaItem>> mediaOf(Post post) {
        return postMedia.ofPost(post.id).chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<MediaItem>of())
                : media.byIds(ids));
    }

    /** The platform took it: PUBLISHED with its id and permalink; the author is told; the post is PUBLISHED when all are. */
    @WithTransaction
    public Uni<Void> recordPublished(long variantId, long postId, PublishedPost published) {
        return withLockedVariant(variantId, postId, (v, p) -> deliveries.finishAttempt(variantId, "PUBLISHED", null, null)
                .chain(finished -> {
                    if (v.delivery != Delivery.PUBLISHING && v.delivery != Delivery.CHECK_NEEDED) {
                        LOG.warnf("Variant %d was published as %s while %s; recorded anyway", variantId,
                                published.externalId(), v.delivery);
                    }
                    v.delivery = Delivery.PUBLISHED;
                    v.externalId = published.externalId();
                    v.publishedUrl = published.permalink();
                    v.publishedAt = Instant.now();
                    v.nextAttemptAt = null;
                    v.lastError = null;
                    return notifications.notify(author(p), notice(NotificationKind.POST_PUBLISHED,
                            "Terbit di " + v.platform.label(), v, p, "Tautan: " + published.permalink()))
                            .chain(() -> completeIfAllOut(p, null));
                }));
    }

    /** The platform refused or could not be reached: retry later, fail for good, or fall back to a reminder. */
    @WithTransaction
    public Uni<Void> recordFailure(long variantId, long postId, Throwable error) {
        PublishFailure failure = error instanceof PublishFailure f ? f : null;
        String message = truncate(failure != null ? failure.getMessage()
                : "Jawaban platform tidak dikenali (" + error.getClass().getSimpleName() + ")");
        String outcome = failure != null ? failure.kind().name() : "INTERRUPTED";
        Integer status = failure != null ? failure.httpStatus() : null;
        return withLockedVariant(variantId, postId, (v, p) -> deliveries.finishAttempt(variantId, outcome, status, message)
                .chain(finished -> {
                    if (v.delivery != Delivery.PUBLISHING) {
                        LOG.warnf("Variant %d failed (%s) while %s; left as it is", variantId, outcome, v.delivery);
                        return Uni.createFrom().voidItem();
                    }
                    v.lastError = message;
                    if (failure == null) {
                        // Something unexpected after the call went out: the post may be up. Never re-send blindly.
                        v.delivery = Delivery.CHECK_NEEDED;
                        return notifications.notify(author(p), notice(NotificationKind.POST_CHECK_NEEDED,
                                "Perlu dicek: " + v.platform.label(), v, p, message))
                                .chain(() -> notifications.notifyRole(Role.ADMIN, notice(NotificationKind.POST_CHECK_NEEDED,
                                        "Perlu dicek: " + v.platform.label(), v, p, message)));
                    }
                    return switch (failure.kind()) {
                        case TEMPORARY -> retryLater(v, p, failure, message);
                        case NOT_CONNECTED -> {
                            v.delivery = Delivery.MANUAL_DUE;
                            yield mediaOf(p).chain(files -> notifications.notify(author(p), reminder(v, p, files)));
                        }
                        case PERMANENT, TOKEN_INVALID -> fail(v, p, message);
                    };
                }));
    }

    private Uni<Void> retryLater(PostVariant v, Post p, PublishFailure failure, String message) {
        Instant now = Instant.now();
        Duration wait = settings.retryBackoff().multipliedBy(1L << Math.min(20, Math.max(0, v.attempts - 1)));
        if (wait.compareTo(MAX_BACKOFF) > 0) {
            wait = MAX_BACKOFF;
        }
        if (failure.retryAfter() != null && failure.retryAfter().compareTo(wait) > 0) {
            wait = failure.retryAfter();
        }
        Instant next = now.plus(wait);
        if (next.isAfter(v.scheduledAt.plus(settings.retryWindow()))) {
            return fail(v, p, truncate("Batas waktu percobaan ulang habis setelah " + v.attempts + " percobaan. " + message));
        }
        v.nextAttemptAt = next;
        // Past the "missed" mark it was already reported missed (or is about to be): keep it MISSED, still retried.
        v.delivery = now.isAfter(v.scheduledAt.plus(settings.missedAfter())) ? Delivery.MISSED : Delivery.RETRY_WAIT;
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> fail(PostVariant v, Post p, String message) {
        v.delivery = Delivery.FAILED;
        v.lastError = message;
        v.nextAttemptAt = null;
        return notifications.notify(author(p), notice(NotificationKind.POST_FAILED,
                "Gagal terbit di " + v.platform.label(), v, p, "Pesan platform: " + message));
    }

    /** Variants 30 minutes overdue → MISSED (once); their authors and the reviewers are told. */
    @WithTransaction
    public Uni<Integer> markMissed() {
        return deliveries.markMissed(settings.missedAfter())
                .call(ids -> each(ids, (v, p) -> {
                    Notice n = notice(NotificationKind.POST_MISSED, "Terlewat: " + v.platform.label(), v, p,
                            "Unggahan ini belum terbit " + settings.missedAfter().toMinutes()
                                    + " menit setelah jadwalnya.");
                    return notifications.notify(author(p), n).chain(() -> notifications.notifyRole(Role.REVIEWER, n));
                }))
                .map(List::size);
    }

    /** Staff: send a variant that failed, was missed, was cut off or is waiting by hand to its platform now. */
    @WithTransaction
    public Uni<PostView> retry(long postId, SocialPlatform platform) {
        return recoverable(postId, platform, "retry").chain(v -> {
            v.delivery = Delivery.SCHEDULED;
            v.nextAttemptAt = null;
            v.lastError = null;
            v.scheduledAt = Instant.now();
            return variants.flush();
        }).chain(() -> postService.get(postId));
    }

    /** Staff: the variant is out (posted by hand, or found up after a cut-off attempt), at this URL. */
    @WithTransaction
    public Uni<PostView> markPublished(long postId, SocialPlatform platform, String url, long actorId) {
        String permalink = url.strip();
        return recoverable(postId, platform, "mark as published")
                .call(v -> variants.publishedElsewhere(List.of(permalink), postId).invoke(taken -> {
                    if (taken) {
                        throw ProblemException.conflict("url-taken", "URL already recorded",
                                "Another post was already published at " + permalink);
                    }
                }))
                .chain(v -> {
                    v.delivery = Delivery.PUBLISHED;
                    v.publishedUrl = permalink;
                    v.publishedAt = Instant.now();
                    v.nextAttemptAt = null;
                    v.lastError = null;
                    return posts.findById(postId).chain(p -> completeIfAllOut(p, actorId));
                }).chain(() -> postService.get(postId));
    }

    private Uni<PostVariant> recoverable(long postId, SocialPlatform platform, String action) {
        return posts.locked(postId).onItem().ifNull().failWith(() -> ProblemException.notFound("Post", postId))
                .chain(p -> variants.ofPost(postId, platform).onItem().ifNull().failWith(() -> ProblemException.notFound(
                        platform.label() + " variant of post", postId)).invoke(v -> {
                            if (p.status != PostStatus.SCHEDULED || !RECOVERABLE.contains(v.delivery)) {
                                throw ProblemException.conflict("illegal-delivery-action", "Not possible now",
                                        "Cannot " + action + " the " + platform.label() + " variant of post " + postId
                                                + " while it is " + v.delivery + " (post " + p.status
                                                + "); only a scheduled post's variant that is CHECK_NEEDED, FAILED, "
                                                + "MISSED or MANUAL_DUE");
                            }
                        }));
    }

    /** The post turns PUBLISHED when every variant is out; the system (null) or staff is the actor. */
    private Uni<Void> completeIfAllOut(Post p, Long actorId) {
        return variants.ofPost(p.id).chain(all -> {
            if (p.status != PostStatus.SCHEDULED || all.stream().anyMatch(v -> v.delivery != Delivery.PUBLISHED)) {
                return variants.flush();
            }
            PostTransition t = new PostTransition();
            t.postId = p.id;
            t.fromStatus = p.status;
            t.toStatus = PostStatus.PUBLISHED;
            t.actorId = actorId;
            t.note = "Semua varian sudah terbit (every variant is out)";
            t.at = Instant.now();
            p.status = PostStatus.PUBLISHED;
            p.version++;
            return transitions.persist(t).chain(variants::flush);
        });
    }

    /**
     * Runs {@code then} with the variant and its post, the post's row locked first (one post's variants are recorded
     * one at a time, so the last one sees the others and turns the post PUBLISHED); the variant is read after the lock.
     */
    private Uni<Void> withLockedVariant(long variantId, long postId, BiFunction<PostVariant, Post, Uni<Void>> then) {
        return posts.locked(postId).chain(p -> variants.findById(variantId).chain(v -> then.apply(v, p)));
    }

    private Uni<Void> each(List<Long> variantIds, BiFunction<PostVariant, Post, Uni<Void>> action) {
        if (variantIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return variants.byIds(variantIds).chain(vs -> postsOf(vs).chain(byId -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (PostVariant v : vs) {
                chain = chain.chain(() -> action.apply(v, byId.get(v.postId)));
            }
            return chain;
        }));
    }

    private Uni<Map<Long, Post>> postsOf(List<PostVariant> vs) {
        List<Long> ids = vs.stream().map(v -> v.postId).distinct().toList();
        return posts.list("id in ?1", ids).map(found -> found.stream().collect(Collectors.toMap(p -> p.id,
                Function.identity())));
    }

    private Notice reminder(PostVariant v, Post p, List<MediaItem> files) {
        StringBuilder body = new StringBuilder("Saatnya mengunggah ke ").append(v.platform.label())
                .append(" secara manual. Salin teks ini:\n\n").append(outgoingText(v, p));
        if (!files.isEmpty()) {
            body.append("\n\nMedia (unduh lalu lampirkan):");
            files.forEach(f -> body.append("\n").append(f.publicUrl()));
        }
        if (p.mediaUrl != null) {
            body.append("\n\nTautan media: ").append(p.mediaUrl);
        }
        body.append("\n\nSetelah terbit, buka tautan di bawah dan pilih \"Tandai sudah terbit\" dengan alamat unggahannya.");
        return new Notice(NotificationKind.POST_DUE_MANUAL, "Unggah manual ke " + v.platform.label(), body.toString(),
                link(p));
    }

    private static Notice notice(NotificationKind kind, String title, PostVariant v, Post p, String detail) {
        String excerpt = v.text.length() > 200 ? v.text.substring(0, 200) + "…" : v.text;
        return new Notice(kind, title, detail + "\n\n" + excerpt, link(p));
    }

    /** The post's author, if the account still exists (author_id is set null when it is deleted). */
    private static List<Long> author(Post p) {
        return p.authorId == null ? List.of() : List.of(p.authorId);
    }

    private static String link(Post p) {
        return "/staf/konten/" + p.id;
    }

    /** The variant's text with the post's hashtags it does not already carry, as many as the platform's limit allows. */
    static String outgoingText(PostVariant v, Post p) {
        StringBuilder text = new StringBuilder(v.text.strip());
        String lower = v.text.toLowerCase(Locale.ROOT);
        boolean first = true;
        for (String tag : p.hashtags) {
            String hashtag = "#" + tag;
            if (lower.contains(hashtag.toLowerCase(Locale.ROOT))) {
                continue;
            }
            String candidate = text + (first ? "\n\n" : " ") + hashtag;
            if (CharacterCount.count(v.platform, candidate) > v.platform.limit()) {
                break;
            }
            text.setLength(0);
            text.append(candidate);
            first = false;
        }
        return text.toString();
    }

    private static List<String> names(Set<SocialPlatform> platforms) {
        return platforms.stream().map(Enum::name).toList();
    }

    private static String truncate(String s) {
        return s == null ? null : s.length() <= 2000 ? s : s.substring(0, 1999) + "…";
    }
}
