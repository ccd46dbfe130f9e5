package id.serambi.campaign.posts;

import id.serambi.media.MediaItem;
import id.serambi.media.MediaLibrary;
import id.serambi.social.SocialAccounts;
import id.serambi.social.SocialPlatform;
import id.serambi.campaign.posts.PostDtos.MediaCheck;
import id.serambi.campaign.posts.PostDtos.MediaCheckRequest;
import id.serambi.campaign.posts.PostDtos.MetricsView;
import id.serambi.campaign.posts.PostDtos.PostFilter;
import id.serambi.campaign.posts.PostDtos.PostPage;
import id.serambi.campaign.posts.PostDtos.PostRequest;
import id.serambi.campaign.posts.PostDtos.PostView;
import id.serambi.campaign.posts.PostDtos.PublishRequest;
import id.serambi.campaign.posts.PostDtos.PublishedVariant;
import id.serambi.campaign.posts.PostDtos.TransitionView;
import id.serambi.campaign.posts.PostDtos.VariantRequest;
import id.serambi.campaign.posts.PostDtos.VariantView;
import id.serambi.campaign.links.VariantLinks;
import id.serambi.campaign.links.VariantLinks.VariantLink;
import id.serambi.challenge.Challenges;
import id.serambi.common.IfMatch;
import id.serambi.common.Problem;
import id.serambi.common.ProblemException;
import id.serambi.event.Events;
import id.serambi.notification.Notice;
import id.serambi.notification.NotificationKind;
import id.serambi.notification.Notifications;
import id.serambi.account.Role;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Posts and their review workflow. Every write locks the post row ({@code SELECT ... FOR UPDATE}), so edits and
 * transitions on one post are serialised across replicas; the version check then makes a stale edit a 412.
 *
 * <p>Editing the content (content type, body, hashtags, media, a variant's text, or the set of platforms) of a post
 * that is IN_REVIEW, APPROVED or SCHEDULED sends it back to DRAFT: it must be reviewed again. Changing only schedules
 * or links keeps its status. A PUBLISHED post cannot be edited.
 *
 * <p>Nobody approves a version whose text they wrote or changed: the author, and everyone who edited the content since
 * the post was created (their text is still in it). Each such edit is a row of the post's history with
 * {@code textChanged}, so the history shows who may not approve it and why.
 */
@ApplicationScoped
public class PostService {

    /** The statuses whose content a reviewer has seen or approved. */
    private static final Set<PostStatus> REVIEWED = EnumSet.of(PostStatus.IN_REVIEW, PostStatus.APPROVED, PostStatus.SCHEDULED);

    private final PostRepository posts;
    private final PostVariantRepository variants;
    private final PostTransitionRepository transitions;
    private final LatestMetrics metrics;
    private final Events events;
    private final Challenges challenges;
    private final Notifications notifications;
    private final PostMediaRepository postMedia;
    private final MediaLibrary media;
    private final SocialAccounts social;
    private final VariantLinks links;

    public PostService(PostRepository posts, PostVariantRepository variants, PostTransitionRepository transitions,
            LatestMetrics metrics, Events events, Challenges challenges, Notifications notifications,
            PostMediaRepository postMedia, MediaLibrary media, SocialAccounts social, VariantLinks links) {
        this.posts = posts;
        this.variants = variants;
        this.transitions = transitions;
        this.metrics = metrics;
        this.events = events;
        this.challenges = challenges;
        this.notifications = notifications;
        this.postMedia = postMedia;
        this.media = media;
        this.social = social;
        this.links = links;
    }

    @WithTransaction
    public Uni<PostView> create(PostRequest request, long authorId) {
        validate(request);
        List<Long> mediaIds = request.mediaIds() == null ? List.of() : request.mediaIds();
        return checkLinks(request).chain(() -> media.byIds(mediaIds)).chain(() -> {
            Post p = new Post();
            p.authorId = authorId;
            p.status = PostStatus.DRAFT;
            apply(p, request);
            return posts.persistAndFlush(p)
                    .chain(() -> replaceVariants(p, List.of(), request.variants()))
                    .chain(() -> linkVariants(p.id, request))
                    .chain(() -> postMedia.replace(p.id, mediaIds))
                    .chain(() -> record(p.id, null, PostStatus.DRAFT, authorId, null, true))
                    .chain(() -> view(p));
        });
    }

    @WithTransaction
    public Uni<PostView> update(long id, int expectedVersion, PostRequest request, long actorId) {
        validate(request);
        List<Long> mediaIds = request.mediaIds();
        return checkLinks(request).chain(() -> media.byIds(mediaIds == null ? List.of() : mediaIds))
                .chain(() -> locked(id)).chain(p -> {
            IfMatch.check("Post", id, p.version, expectedVersion);
            if (p.status == PostStatus.PUBLISHED) {
                return Uni.createFrom().failure(ProblemException.conflict("post-published", "Post already published",
                        "Post " + id + " is published; its content can no longer change"));
            }
            return variants.ofPost(id).chain(existing -> links.ofVariants(existing.stream().map(v -> v.id).toList())
                    .chain(linked -> postMedia.ofPost(id).chain(attached -> {
                boolean contentChanged = contentChanged(p, existing, request, linked)
                        || (mediaIds != null && !mediaIds.equals(attached));
                apply(p, request);
                p.version++;
                Uni<Void> back = Uni.createFrom().voidItem();
                if (contentChanged && REVIEWED.contains(p.status)) {
                    PostStatus from = p.status;
                    p.status = PostStatus.DRAFT;
                    p.reviewerId = null;
                    p.reviewNote = null;
                    p.reviewedAt = null;
                    back = record(id, from, PostStatus.DRAFT, actorId,
                            "Konten diubah setelah ditinjau: kembali ke draf (content edited after review: back to draft)",
                            true);
                } else if (contentChanged) {
                    back = record(id, p.status, p.status, actorId, "Teks diubah (text edited)", true);
                }
                return back.chain(() -> replaceVariants(p, existing, request.variants()))
                        .chain(() -> linkVariants(id, request))
                        .chain(() -> mediaIds == null ? Uni.createFrom().voidItem() : postMedia.replace(id, mediaIds))
                        .chain(() -> view(p));
            })));
        });
    }

    @WithSession
    public Uni<PostView> get(long id) {
        return find(id).chain(this::view);
    }

    /** Newest first; from/to keep posts with a variant scheduled or published in [from, to). */
    @WithSession
    public Uni<PostPage> list(PostFilter filter, int page, int size) {
        return posts.page(filter, page, size)
                .chain(found -> views(found.items()).map(items -> new PostPage(items, page, size, found.total())));
    }

    @WithSession
    public Uni<List<TransitionView>> history(long id) {
        return find(id).chain(p -> transitions.history(id));
    }

    // --- Workflow ---

    /**
     * Every variant's platform media rules must hold for the attached files (Instagram needs an image or a video, X
     * takes at most 4 images, ...): otherwise a 422 problem {@code media-rules} lists each variant's problems, in
     * Bahasa Indonesia, on the field {@code variants[i].media} (variants in the order the post shows them).
     */
    @WithTransaction
    public Uni<PostView> submit(long id, long actorId) {
        return transition(id, actorId, "submit", EnumSet.of(PostStatus.DRAFT), PostStatus.IN_REVIEW, null,
                p -> mediaRulesHold(id))
                .call(v -> notifications.notifyRole(Role.REVIEWER, new Notice(NotificationKind.REVIEW_REQUESTED,
                        "Unggahan menunggu tinjauan: " + excerpt(v.body(), 80),
                        "Unggahan #" + v.id() + " dikirim untuk ditinjau:\n\n\"" + excerpt(v.body(), 300) + "\"",
                        editorLink(v.id()))));
    }

    /**
     * A 422 problem {@code media-rules} unless every variant's platform takes the post's attached files: Instagram
     * publishes nothing without an image or a video. Checked on submit, approve and schedule, so a post that reached
     * review some other way (data from before the rule, a change made directly in the database) still stops here.
     */
    private Uni<Void> mediaRulesHold(long id) {
        return variants.ofPost(id).chain(list -> postMedia.ofPost(id).chain(media::byIds).map(files -> {
            List<PostVariant> sorted = list.stream().sorted(Comparator.comparing(v -> v.platform)).toList();
            List<Problem.FieldError> errors = new ArrayList<>();
            for (int i = 0; i < sorted.size(); i++) {
                for (String problem : social.mediaRules(sorted.get(i).platform).check(files)) {
                    errors.add(new Problem.FieldError("variants[" + i + "].media", problem));
                }
            }
            if (!errors.isEmpty()) {
                throw new ProblemException(422, "media-rules", "Media do not meet the platforms' rules",
                        errors.size() == 1 ? errors.get(0).message()
                                : errors.stream().map(Problem.FieldError::message).collect(Collectors.joining(" ")),
                        errors, Map.of());
            }
            return null;
        })).replaceWithVoid();
    }

    /** The platforms' media rules checked against these files, before they are saved (the editor shows them live). */
    @WithSession
    public Uni<List<MediaCheck>> mediaCheck(MediaCheckRequest request) {
        return media.byIds(request.mediaIds()).map(files -> request.platforms().stream().distinct()
                .map(platform -> new MediaCheck(platform, social.mediaRules(platform).check(files))).toList());
    }

    /**
     * Nobody approves their own post, nor a post whose text they changed: an author or editor who is also a reviewer or
     * admin still gets 403, naming the edit in the history that rules them out.
     */
    @WithTransaction
    public Uni<PostView> approve(long id, long reviewerId, String note) {
        return transition(id, reviewerId, "approve", EnumSet.of(PostStatus.IN_REVIEW), PostStatus.APPROVED, note, p -> {
            if (Objects.equals(p.authorId, reviewerId)) {
                return Uni.createFrom().failure(new ProblemException(403, "own-post", "Cannot approve your own post",
                        "Post " + id + " was written by you; another reviewer must approve it"));
            }
            return transitions.lastTextChangeBy(id, reviewerId).chain(edit -> {
                if (edit != null) {
                    return Uni.createFrom().failure(new ProblemException(403, "own-post",
                            "Cannot approve a post whose text you changed",
                            "You changed the text of post " + id + " (history entry " + edit.id + ", " + edit.at
                                    + "); another reviewer, who did not write or edit it, must approve it"));
                }
                return mediaRulesHold(id).invoke(() -> {
                    p.reviewerId = reviewerId;
                    p.reviewNote = note.strip();
                    p.reviewedAt = Instant.now();
                });
            });
        }).call(v -> notifyAuthor(v, NotificationKind.POST_APPROVED, "Unggahan Anda disetujui: ",
                "Unggahan #" + v.id() + " disetujui dan siap dijadwalkan.\n\nCatatan peninjau: "));
    }

    @WithTransaction
    public Uni<PostView> reject(long id, long reviewerId, String note) {
        return transition(id, reviewerId, "reject", EnumSet.of(PostStatus.IN_REVIEW), PostStatus.DRAFT, note, p -> {
            p.reviewerId = reviewerId;
            p.reviewNote = note.strip();
            p.reviewedAt = Instant.now();
            return Uni.createFrom().voidItem();
        }).call(v -> notifyAuthor(v, NotificationKind.POST_REJECTED, "Unggahan Anda dikembalikan: ",
                "Unggahan #" + v.id() + " dikembalikan ke draf oleh peninjau.\n\nCatatan peninjau: "));
    }

    // --- Notifications (issue 15), written in the transition's transaction ---

    private Uni<Void> notifyAuthor(PostView v, NotificationKind kind, String title, String body) {
        if (v.authorId() == null) {
            return Uni.createFrom().voidItem();
        }
        return notifications.notify(List.of(v.authorId()), new Notice(kind, title + excerpt(v.body(), 80),
                body + v.reviewNote(), editorLink(v.id())));
    }

    private static String editorLink(long postId) {
        return "/staf/konten/pos/" + postId + "/ubah";
    }

    private static String excerpt(String text, int max) {
        String flat = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return flat.length() <= max ? flat : flat.substring(0, max - 1).stripTrailing() + "…";
    }

    /** How long after its approval a post may go out at the earliest. */
    static final java.time.Duration AFTER_APPROVAL = java.time.Duration.ofMinutes(5);

    /**
     * Every variant not yet out needs its scheduled time, at least 5 minutes after the approval and not in the past;
     * each becomes SCHEDULED (a manual one too: at its time the author is reminded), and the publishing job takes it.
     */
    @WithTransaction
    public Uni<PostView> schedule(long id, long actorId) {
        return transition(id, actorId, "schedule", EnumSet.of(PostStatus.APPROVED), PostStatus.SCHEDULED, null,
                p -> mediaRulesHold(id).chain(() -> variants.ofPost(id)).map(list -> {
                    List<Problem.FieldError> missing = new ArrayList<>();
                    List<Problem.FieldError> early = new ArrayList<>();
                    Instant now = Instant.now();
                    Instant earliest = p.reviewedAt == null ? now : p.reviewedAt.plus(AFTER_APPROVAL);
                    for (int i = 0; i < list.size(); i++) {
                        PostVariant v = list.get(i);
                        if (v.delivery == Delivery.PUBLISHED) {
                            continue;
                        }
                        if (v.scheduledAt == null) {
                            missing.add(new Problem.FieldError("variants[" + i + "].scheduledAt",
                                    v.platform.label() + " has no scheduled time"));
                        } else if (v.scheduledAt.isBefore(earliest)) {
                            early.add(new Problem.FieldError("variants[" + i + "].scheduledAt", v.platform.label()
                                    + " is scheduled for " + v.scheduledAt + ", before " + earliest
                                    + " (5 minutes after the approval)"));
                        } else if (v.scheduledAt.isBefore(now)) {
                            early.add(new Problem.FieldError("variants[" + i + "].scheduledAt",
                                    v.platform.label() + " is scheduled for " + v.scheduledAt + ", in the past"));
                        }
                    }
                    if (!missing.isEmpty()) {
                        throw new ProblemException(409, "schedule-incomplete", "Schedule incomplete",
                                "Every variant needs a scheduled time before the post can be scheduled", missing, Map.of());
                    }
                    if (!early.isEmpty()) {
                        throw new ProblemException(409, "schedule-too-early", "Scheduled too early",
                                "Every variant must go out at least 5 minutes after the approval (" + p.reviewedAt
                                        + ") and not in the past; move its time and schedule again", early, Map.of());
                    }
                    for (PostVariant v : list) {
                        if (v.delivery != Delivery.PUBLISHED) {
                            v.delivery = Delivery.SCHEDULED;
                            v.nextAttemptAt = null;
                            v.lastError = null;
                        }
                    }
                    return null;
                }).replaceWithVoid());
    }

    /** Records where (and when) each variant went out; every variant of the post must be listed. */
    @WithTransaction
    public Uni<PostView> publish(long id, long actorId, PublishRequest request) {
        Map<SocialPlatform, PublishedVariant> byPlatform = new LinkedHashMap<>();
        for (int i = 0; i < request.variants().size(); i++) {
            PublishedVariant v = request.variants().get(i);
            if (byPlatform.put(v.platform(), v) != null) {
                throw ProblemException.invalidField("variants[" + i + "].platform", v.platform() + " appears twice");
            }
        }
        if (byPlatform.values().stream().map(v -> v.publishedUrl().strip()).distinct().count() < byPlatform.size()) {
            throw ProblemException.invalidField("variants", "each variant went out at its own URL");
        }
        return transition(id, actorId, "publish", EnumSet.of(PostStatus.APPROVED, PostStatus.SCHEDULED),
                PostStatus.PUBLISHED, null, p -> variants.ofPost(id).chain(list -> {
                    List<Problem.FieldError> errors = new ArrayList<>();
                    for (PostVariant v : list) {
                        if (!byPlatform.containsKey(v.platform)) {
                            errors.add(new Problem.FieldError("variants", v.platform.label() + " needs its published URL"));
                        }
                    }
                    for (SocialPlatform platform : byPlatform.keySet()) {
                        if (list.stream().noneMatch(v -> v.platform == platform)) {
                            errors.add(new Problem.FieldError("variants", "the post has no " + platform.label() + " variant"));
                        }
                    }
                    if (!errors.isEmpty()) {
                        return Uni.createFrom().failure(new ProblemException(400, "validation", "Invalid request",
                                "The published variants must match the post's platforms", errors, Map.of()));
                    }
                    ProblemException early = publishedBeforeSchedule(list, request.variants(), Instant.now());
                    if (early != null) {
                        return Uni.createFrom().failure(early);
                    }
                    List<String> urls = byPlatform.values().stream().map(PublishedVariant::publishedUrl).toList();
                    return variants.publishedElsewhere(urls, id).chain(taken -> {
                        if (taken) {
                            return Uni.createFrom().failure(ProblemException.conflict("url-taken", "URL already recorded",
                                    "Another post was already published at one of these URLs"));
                        }
                        Instant now = Instant.now();
                        for (PostVariant v : list) {
                            PublishedVariant published = byPlatform.get(v.platform);
                            if (v.delivery == Delivery.PUBLISHED && v.externalId != null) {
                                continue; // Serambi published it itself: its permalink and time stay
                            }
                            v.publishedUrl = published.publishedUrl();
                            v.publishedAt = published.publishedAt() == null ? now : published.publishedAt();
                            v.delivery = Delivery.PUBLISHED;
                            v.nextAttemptAt = null;
                        }
                        return Uni.createFrom().voidItem();
                    });
                }));
    }

    /**
     * A variant cannot be marked published before its scheduled time (nor recorded as out at a time before it): a 409
     * problem {@code published-before-schedule} names each such variant on {@code variants[i].publishedAt} (its index in
     * the request). To post earlier, move its time first. A variant Serambi published itself keeps its own record.
     */
    static ProblemException publishedBeforeSchedule(List<PostVariant> variants, List<PublishedVariant> requested,
            Instant now) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            PublishedVariant r = requested.get(i);
            PostVariant v = variants.stream().filter(x -> x.platform == r.platform()).findFirst().orElse(null);
            if (v == null || v.scheduledAt == null || (v.delivery == Delivery.PUBLISHED && v.externalId != null)) {
                continue;
            }
            Instant at = r.publishedAt() == null ? now : r.publishedAt();
            if (at.isBefore(v.scheduledAt)) {
                errors.add(new Problem.FieldError("variants[" + i + "].publishedAt", v.platform.label()
                        + " is scheduled for " + v.scheduledAt + "; it cannot be marked published before then ("
                        + at + "). Move its scheduled time first to post it earlier"));
            }
        }
        return errors.isEmpty() ? null : new ProblemException(409, "published-before-schedule",
                "Published before its scheduled time", errors.size() == 1 ? errors.get(0).message()
                        : errors.stream().map(Problem.FieldError::message).collect(Collectors.joining("; ")),
                errors, Map.of());
    }

    private Uni<PostView> transition(long id, long actorId, String action, Set<PostStatus> from, PostStatus to,
            String note, Function<Post, Uni<Void>> checks) {
        return locked(id).chain(p -> {
            if (!from.contains(p.status)) {
                return Uni.createFrom().failure(ProblemException.conflict("illegal-transition", "Transition not allowed",
                        "Cannot " + action + " a post that is " + p.status + "; only from "
                                + from.stream().map(Enum::name).collect(Collectors.joining(" or "))));
            }
            PostStatus previous = p.status;
            return checks.apply(p).chain(() -> {
                p.status = to;
                p.version++;
                return record(id, previous, to, actorId, note == null ? null : note.strip(), false);
            }).chain(() -> view(p));
        });
    }

    private Uni<Post> find(long id) {
        return posts.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Post", id));
    }

    private Uni<Post> locked(long id) {
        return posts.locked(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Post", id));
    }

    private Uni<Void> record(long postId, PostStatus from, PostStatus to, Long actorId, String note,
            boolean textChanged) {
        PostTransition t = new PostTransition();
        t.postId = postId;
        t.fromStatus = from;
        t.toStatus = to;
        t.actorId = actorId;
        t.note = note;
        t.textChanged = textChanged;
        t.at = Instant.now();
        return transitions.persist(t).replaceWithVoid();
    }

    /** Character limits, one variant per platform; every field error at once. */
    static void validate(PostRequest r) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<SocialPlatform> seen = EnumSet.noneOf(SocialPlatform.class);
        for (int i = 0; i < r.variants().size(); i++) {
            VariantRequest v = r.variants().get(i);
            if (!seen.add(v.platform())) {
                errors.add(new Problem.FieldError("variants[" + i + "].platform",
                        v.platform().label() + " already has a variant; one per platform"));
                continue;
            }
            int length = CharacterCount.count(v.platform(), v.text());
            if (length > v.platform().limit()) {
                errors.add(new Problem.FieldError("variants[" + i + "].text", String.format(
                        "%s allows %,d characters; this has %,d", v.platform().label(), v.platform().limit(), length)));
            }
            if (v.text().isBlank()) {
                errors.add(new Problem.FieldError("variants[" + i + "].text", "must not be blank"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "validation", "Invalid request", errors.size() == 1
                    ? errors.get(0).field() + ": " + errors.get(0).message()
                    : errors.size() + " fields are invalid", errors, Map.of());
        }
    }

    /** The campaign, event and challenge a post links to must exist; the event and challenge are asked of their features. */
    private Uni<Void> checkLinks(PostRequest r) {
        return exists("campaign", "campaignId", r.campaignId(), posts::campaignExists)
                .chain(() -> exists("event", "eventId", r.eventId(), id -> events.find(id).map(Objects::nonNull)))
                .chain(() -> exists("challenge", "challengeId", r.challengeId(),
                        id -> challenges.find(id).map(Objects::nonNull)));
    }

    private static Uni<Void> exists(String what, String field, Long id, Function<Long, Uni<Boolean>> lookup) {
        if (id == null) {
            return Uni.createFrom().voidItem();
        }
        return lookup.apply(id).map(found -> {
            if (!found) {
                throw ProblemException.invalidField(field, "no " + what + " with id " + id);
            }
            return null;
        }).replaceWithVoid();
    }

    private static void apply(Post p, PostRequest r) {
        p.contentType = r.contentType();
        p.body = r.body() == null ? "" : r.body().strip();
        p.hashtags = r.hashtags() == null ? new String[0]
                : r.hashtags().stream().map(h -> h.strip().replaceFirst("^#", "")).distinct().toArray(String[]::new);
        p.mediaUrl = r.mediaUrl();
        p.campaignId = r.campaignId();
        p.eventId = r.eventId();
        p.challengeId = r.challengeId();
    }

    /**
     * Each variant's links to an event, a challenge or a survey become its own tracked links (issue 22; see
     * {@link VariantLinks}), made on the first save and the same on every later one. A text the links make longer than
     * its platform allows (a few characters per link, except on X where a link counts 23 anyway) is a 400 naming it.
     */
    private Uni<Void> linkVariants(long postId, PostRequest request) {
        return variants.ofPost(postId).chain(list -> {
            Map<Long, String> texts = new LinkedHashMap<>();
            list.forEach(v -> texts.put(v.id, v.text));
            return links.link(texts).chain(changed -> {
                if (changed.isEmpty()) {
                    return Uni.createFrom().voidItem();
                }
                List<Problem.FieldError> errors = new ArrayList<>();
                for (PostVariant v : list) {
                    String linked = changed.get(v.id);
                    if (linked == null) {
                        continue;
                    }
                    v.text = linked;
                    int length = CharacterCount.count(v.platform, linked);
                    if (length > v.platform.limit()) {
                        int index = 0;
                        for (int i = 0; i < request.variants().size(); i++) {
                            if (request.variants().get(i).platform() == v.platform) {
                                index = i;
                            }
                        }
                        errors.add(new Problem.FieldError("variants[" + index + "].text", String.format(
                                "%s allows %,d characters; with its tracked links this has %,d", v.platform.label(),
                                v.platform.limit(), length)));
                    }
                }
                if (!errors.isEmpty()) {
                    return Uni.createFrom().failure(new ProblemException(400, "validation", "Invalid request",
                            errors.get(0).field() + ": " + errors.get(0).message(), errors, Map.of()));
                }
                return variants.flush();
            });
        });
    }

    /** Whether the content changed; a variant's text is compared with its tracked links written back as their pages. */
    private boolean contentChanged(Post p, List<PostVariant> existing, PostRequest r, Map<Long, List<VariantLink>> linked) {
        String body = r.body() == null ? "" : r.body().strip();
        String[] hashtags = r.hashtags() == null ? new String[0]
                : r.hashtags().stream().map(h -> h.strip().replaceFirst("^#", "")).distinct().toArray(String[]::new);
        if (p.contentType != r.contentType() || !p.body.equals(body) || !Arrays.equals(p.hashtags, hashtags)
                || !Objects.equals(p.mediaUrl, r.mediaUrl()) || existing.size() != r.variants().size()) {
            return true;
        }
        Map<SocialPlatform, PostVariant> before = existing.stream().collect(Collectors.toMap(v -> v.platform, v -> v));
        return r.variants().stream().anyMatch(v -> {
            PostVariant old = before.get(v.platform());
            if (old == null) {
                return true;
            }
            List<VariantLink> own = linked.getOrDefault(old.id, List.of());
            return !links.unlinked(v.text(), own).equals(links.unlinked(old.text, own));
        });
    }

    /** Keeps the row of a platform that stays (its published URL and metrics stay with it). */
    /** Variants whose time may move while the post is scheduled: they have not gone out and no call is under way. */
    private static final Set<Delivery> RESCHEDULABLE = EnumSet.of(Delivery.SCHEDULED, Delivery.RETRY_WAIT,
            Delivery.MISSED, Delivery.MANUAL_DUE);

    private Uni<Void> replaceVariants(Post post, List<PostVariant> existing, List<VariantRequest> wanted) {
        long postId = post.id;
        Map<SocialPlatform, PostVariant> byPlatform = existing.stream().collect(Collectors.toMap(v -> v.platform, v -> v));
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int i = 0; i < wanted.size(); i++) {
            VariantRequest w = wanted.get(i);
            PostVariant v = byPlatform.remove(w.platform());
            if (v != null && post.status == PostStatus.SCHEDULED && RESCHEDULABLE.contains(v.delivery)
                    && (!Objects.equals(v.scheduledAt, w.scheduledAt()) || v.manual != Boolean.TRUE.equals(w.manual()))) {
                rescheduled(post, v, w, i);
            }
            if (v == null) {
                PostVariant created = new PostVariant();
                created.postId = postId;
                created.platform = w.platform();
                created.text = w.text();
                created.scheduledAt = w.scheduledAt();
                created.manual = Boolean.TRUE.equals(w.manual());
                chain = chain.chain(() -> variants.persist(created)).replaceWithVoid();
            } else {
                v.text = w.text();
                v.scheduledAt = w.scheduledAt();
                v.manual = Boolean.TRUE.equals(w.manual());
            }
        }
        for (PostVariant gone : byPlatform.values()) {
            chain = chain.chain(() -> variants.delete(gone));
        }
        return chain.chain(variants::flush);
    }

    /**
     * A scheduled variant moved to another time (or switched to or from posting by hand) goes back to SCHEDULED for its
     * new time, which follows the same rule as scheduling: at least 5 minutes after the approval and not in the past. A
     * missed or retrying variant given a new time thus gets its chance again; one already out or under way is not
     * touched (its time is history).
     */
    private static void rescheduled(Post post, PostVariant v, VariantRequest w, int index) {
        Instant now = Instant.now();
        Instant earliest = post.reviewedAt == null ? now : post.reviewedAt.plus(AFTER_APPROVAL);
        Instant at = w.scheduledAt();
        if (at == null || at.isBefore(earliest) || at.isBefore(now)) {
            throw new ProblemException(409, "schedule-too-early", "Scheduled too early",
                    "The post is scheduled: " + v.platform.label() + " needs a time at least 5 minutes after the approval ("
                            + post.reviewedAt + ") and not in the past",
                    List.of(new Problem.FieldError("variants[" + index + "].scheduledAt", at == null
                            ? v.platform.label() + " has no scheduled time"
                            : v.platform.label() + " is scheduled for " + at + ", before " + (earliest.isAfter(now) ? earliest : now))),
                    Map.of());
        }
        v.delivery = Delivery.SCHEDULED;
        v.nextAttemptAt = null;
        v.lastError = null;
    }

    private Uni<PostView> view(Post p) {
        return views(List.of(p)).map(list -> list.get(0));
    }

    private Uni<List<PostView>> views(List<Post> found) {
        if (found.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Long> ids = found.stream().map(p -> p.id).toList();
        return variants.ofPosts(ids)
                .chain(all -> metrics.forVariants(all.stream().map(v -> v.id).toList())
                        .chain(latest -> links.ofVariants(all.stream().map(v -> v.id).toList()).chain(linked ->
                                postMedia.ofPosts(ids).chain(attached -> media.byIds(
                                attached.values().stream().flatMap(List::stream).distinct().toList()).map(files -> {
                    Map<Long, MediaItem> byId = files.stream().collect(Collectors.toMap(MediaItem::id, m -> m));
                    Map<Long, List<PostVariant>> byPost = all.stream().collect(Collectors.groupingBy(v -> v.postId));
                    return found.stream().map(p -> of(p, byPost.getOrDefault(p.id, List.of()), latest,
                            attached.getOrDefault(p.id, List.of()).stream().map(byId::get).toList(), linked)).toList();
                })))));
    }

    /**
     * A post sent back to draft after it was scheduled keeps its variants' delivery column until it is scheduled again:
     * until then they show as NONE, except one already out.
     */
    private static Delivery delivery(Post p, PostVariant v) {
        boolean goingOut = p.status == PostStatus.SCHEDULED || p.status == PostStatus.PUBLISHED;
        return goingOut || v.delivery == Delivery.PUBLISHED ? v.delivery : Delivery.NONE;
    }

    private PostView of(Post p, List<PostVariant> variants, Map<Long, MetricsView> metrics, List<MediaItem> files,
            Map<Long, List<VariantLink>> linked) {
        List<VariantView> vs = variants.stream().sorted(Comparator.comparing(v -> v.platform))
                .map(v -> new VariantView(v.id, v.platform, v.text, CharacterCount.count(v.platform, v.text),
                        v.platform.limit(), v.scheduledAt, v.publishedUrl, v.publishedAt, metrics.get(v.id), v.manual,
                        delivery(p, v), v.externalId, v.attempts, v.lastError, v.nextAttemptAt,
                        linked.getOrDefault(v.id, List.of())))
                .toList();
        return new PostView(p.id, p.contentType, p.body, List.of(p.hashtags), p.mediaUrl, p.campaignId, p.eventId,
                p.challengeId, p.status, p.authorId, p.reviewerId, p.reviewNote, p.reviewedAt, p.createdAt, p.updatedAt,
                p.version, vs, files, vs.stream()
                        .map(v -> new MediaCheck(v.platform(), social.mediaRules(v.platform()).check(files))).toList());
    }
}
