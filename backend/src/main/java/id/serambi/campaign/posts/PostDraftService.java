package id.serambi.campaign.posts;

import id.serambi.social.SocialPlatform;
import id.serambi.campaign.posts.PostDtos.PostRequest;
import id.serambi.campaign.posts.PostDtos.PostView;
import id.serambi.campaign.posts.PostDtos.VariantRequest;
import id.serambi.challenge.Challenges;
import id.serambi.common.ProblemException;
import id.serambi.common.SerambiConfig;
import id.serambi.event.Events;
import id.serambi.survey.Surveys;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Drafts posts from what the library already has: an event (a promotion with its date in WITA and its public page,
 * never the join link), a challenge (the top 3 of the board, by nickname only) and a teen's review shared with
 * consent (by nickname only). Each is an ordinary DRAFT with Facebook, Instagram and X variants within their limits.
 */
@ApplicationScoped
public class PostDraftService {

    private final PostService posts;
    private final Events events;
    private final Challenges challenges;
    private final Surveys surveys;
    private final String publicUrl;
    private final String libraryTag;

    public PostDraftService(PostService posts, Events events, Challenges challenges, Surveys surveys, SerambiConfig config) {
        this.posts = posts;
        this.events = events;
        this.challenges = challenges;
        this.surveys = surveys;
        String url = config.publicUrl();
        this.publicUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.libraryTag = config.library().name().replaceAll("[^\\p{L}\\p{N}]", "");
    }

    @WithTransaction
    public Uni<PostView> fromEvent(long eventId, long authorId) {
        return events.find(eventId).onItem().ifNull().failWith(() -> ProblemException.notFound("Event", eventId))
                .chain(e -> {
                    if (!e.upcoming()) {
                        return Uni.createFrom().failure(ProblemException.conflict("event-over", "Event not upcoming",
                                "Event " + eventId + " is " + e.status() + "; there is nothing to promote"));
                    }
                    String when = e.when();
                    String page = e.page();
                    String description = shorten(e.description().strip(), 600);
                    String long_ = "📚 " + e.title() + "\n\n🗓️ " + when + "\n\n" + description
                            + "\n\nDaftar gratis: " + page + "\n#" + libraryTag + " #AyoMembaca";
                    String x = forX("📚 " , e.title(), " — " + when + ". Daftar gratis: " + page + " #" + libraryTag);
                    return posts.create(request(ContentType.EVENT_PROMO, long_, x, eventId, null), authorId);
                });
    }

    @WithTransaction
    public Uni<PostView> fromChallenge(long challengeId, long authorId) {
        return challenges.find(challengeId).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("Challenge", challengeId))
                .chain(c -> challenges.top(challengeId, 3)
                        .chain(top -> {
                            if (top.isEmpty()) {
                                return Uni.createFrom().failure(ProblemException.conflict("empty-board", "Board is empty",
                                        "Nobody is on the board of challenge " + challengeId + " yet"));
                            }
                            String[] medals = { "🥇", "🥈", "🥉" };
                            StringBuilder board = new StringBuilder();
                            StringBuilder shortBoard = new StringBuilder();
                            for (int i = 0; i < top.size(); i++) {
                                String nick = top.get(i).nickname();
                                int points = top.get(i).points();
                                board.append(medals[i]).append(' ').append(nick).append(" — ").append(points).append(" poin\n");
                                shortBoard.append(i == 0 ? "" : ", ").append(medals[i]).append(nick).append(' ').append(points);
                            }
                            String page = publicUrl + "/tantangan/" + challengeId;
                            String long_ = "🏆 Papan peringkat " + c.title() + "\n\n" + board
                                    + "\nAyo terus membaca dan kejar peringkat teratas! " + page + "\n#" + libraryTag
                                    + " #TantanganMembaca";
                            String x = forX("🏆 ", c.title(), ": " + shortBoard + ". Ayo kejar! " + page + " #TantanganMembaca");
                            return posts.create(request(ContentType.CHALLENGE_UPDATE, long_, x, null, challengeId), authorId);
                        }));
    }

    /** Only a review its author agreed to share (share_review), from a log that was not voided; 409 otherwise. */
    @WithTransaction
    public Uni<PostView> fromReview(long logId, long authorId) {
        return challenges.review(logId)
                .chain(r -> {
                    if (r == null) {
                        return Uni.createFrom().failure(ProblemException.notFound("Reading log", logId));
                    }
                    String review = r.review();
                    if (!r.shared() || review == null || review.isBlank()) {
                        return Uni.createFrom().failure(ProblemException.conflict("no-consent", "Review not shared",
                                "The reader did not agree to share this review; it cannot be posted"));
                    }
                    if (r.voided()) {
                        return Uni.createFrom().failure(ProblemException.conflict("log-voided", "Log voided",
                                "Reading log " + logId + " was voided by staff"));
                    }
                    String book = "\"" + r.bookTitle() + "\" karya " + r.bookAuthor();
                    String nick = r.nickname();
                    String long_ = "📖 Ulasan pembaca: " + book + "\n\n“" + review.strip() + "”\n— " + nick
                            + "\n\n#" + libraryTag + " #UlasanBuku #AyoMembaca";
                    String x = forX("📖 " + nick + " tentang ", book, ": “" + shorten(review.strip(), 150) + "” #UlasanBuku");
                    Long challengeId = r.challengeId();
                    return posts.create(request(ContentType.BOOK_REVIEW, long_, x, null, challengeId), authorId);
                });
    }

    /**
     * An ANNOUNCEMENT inviting people to answer a published survey at its public page. Only a survey anyone can open
     * from a shared link (ANONYMOUS, or ACCOUNT: sign in and answer); a MANAGE_LINK survey is answered from a
     * personal link and cannot be shared publicly (409), nor can a draft or a closed one.
     */
    @WithTransaction
    public Uni<PostView> fromSurvey(long surveyId, long authorId) {
        return surveys.summary(surveyId).chain(found -> {
            Surveys.Summary s = found.orElseThrow(() -> ProblemException.notFound("Survey", surveyId));
            if (!s.open()) {
                return Uni.createFrom().failure(ProblemException.conflict("survey-not-open", "Survey not open",
                        "Survey " + surveyId + " is " + s.status() + "; only a published survey can be shared"));
            }
            if (!"ANONYMOUS".equals(s.access()) && !"ACCOUNT".equals(s.access())) {
                return Uni.createFrom().failure(ProblemException.conflict("survey-not-shareable", "Survey not shareable",
                        "Survey " + surveyId + " is answered by " + s.access() + " (a personal link); it cannot be shared publicly"));
            }
            String page = publicUrl + "/survei/" + surveyId;
            String account = "ACCOUNT".equals(s.access()) ? " (masuk dengan akun Serambi Anda)" : "";
            String long_ = "📝 " + s.titleId() + "\n\nBantu kami menjadi lebih baik: isi survei singkat ini" + account
                    + ". Jawaban Anda sangat berarti bagi perpustakaan.\n\nIsi survei: " + page + "\n#" + libraryTag + " #SurveiPerpustakaan";
            String x = forXWeighted("Isi survei \"", s.titleId(), "\" dan bantu perpustakaan menjadi lebih baik: " + page + " #" + libraryTag);
            return posts.create(request(ContentType.ANNOUNCEMENT, long_, x, null, null), authorId);
        });
    }

    /**
     * Like {@link #forX} but within 280 as X itself weighs the text ({@link CharacterCount#xWeighted}: an emoji or a
     * CJK character counts 2), shortening the subject until it fits.
     */
    private static String forXWeighted(String prefix, String subject, String suffix) {
        String text = prefix + subject + suffix;
        int keep = CharacterCount.graphemes(subject);
        while (CharacterCount.xWeighted(text) > SocialPlatform.X.limit() && keep > 1) {
            keep = Math.max(1, keep - Math.max(1, (CharacterCount.xWeighted(text) - SocialPlatform.X.limit() + 1) / 2));
            text = prefix + shorten(subject, keep) + suffix;
        }
        return text;
    }

    private PostRequest request(ContentType type, String longText, String xText, Long eventId, Long challengeId) {
        List<VariantRequest> variants = List.of(new VariantRequest(SocialPlatform.FACEBOOK, longText, null),
                new VariantRequest(SocialPlatform.INSTAGRAM, shorten(longText, SocialPlatform.INSTAGRAM.limit()), null),
                new VariantRequest(SocialPlatform.X, xText, null));
        return new PostRequest(type, longText, List.of(libraryTag), null, null, eventId, challengeId, variants);
    }

    /** prefix + subject + suffix within X's limit, shortening the subject if it must. */
    private static String forX(String prefix, String subject, String suffix) {
        String text = prefix + subject + suffix;
        int over = CharacterCount.count(SocialPlatform.X, text) - SocialPlatform.X.limit();
        if (over <= 0) {
            return text;
        }
        int keep = Math.max(10, CharacterCount.graphemes(subject) - over - 1);
        String shorter = prefix + shorten(subject, keep) + suffix;
        return CharacterCount.count(SocialPlatform.X, shorter) <= SocialPlatform.X.limit() ? shorter
                : shorten(shorter, SocialPlatform.X.limit());
    }

    /** At most {@code max} characters (grapheme clusters), with an ellipsis when cut. */
    static String shorten(String text, int max) {
        if (CharacterCount.graphemes(text) <= max) {
            return text;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\X").matcher(text);
        int end = 0;
        for (int i = 0; i < max - 1 && m.find(); i++) {
            end = m.end();
        }
        return text.substring(0, end).stripTrailing() + "…";
    }
}
