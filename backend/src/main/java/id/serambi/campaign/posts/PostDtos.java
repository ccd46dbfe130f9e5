package id.serambi.campaign.posts;

import id.serambi.media.MediaItem;
import id.serambi.social.SocialPlatform;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Posts, their variants, metrics and audit trail as the API sees them. */
public final class PostDtos {

    private PostDtos() {
    }

    @Schema(name = "PostRequest")
    public record PostRequest(
            @NotNull @Schema(examples = "EDUCATIONAL_TIP") ContentType contentType,
            @Size(max = 63_206) @Schema(description = "The shared content the variants are written from",
                    examples = "Sebelum membagikan berita, cek sumbernya, tanggalnya dan bandingkan dengan media lain.")
            String body,
            @Size(max = 30) List<@NotBlank @Size(max = 100) String> hashtags,
            @Size(max = 2000) @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL")
            @Schema(examples = "https://serambi.id/media/cek-fakta.png") String mediaUrl,
            Long campaignId,
            Long eventId,
            Long challengeId,
            @NotNull @Size(min = 1, max = 3) @Schema(description = "One per platform")
            List<@NotNull @Valid VariantRequest> variants,
            @Size(max = 10) @Schema(description = "Files of the media library attached to the post, in order (at most "
                    + "10; each platform takes fewer, see mediaCheck). Omitted on PUT: the attached files stay",
                    examples = "[7, 9]") List<@NotNull Long> mediaIds) {

        /** A request without media (on PUT: the attached files stay). */
        public PostRequest(ContentType contentType, String body, List<String> hashtags, String mediaUrl, Long campaignId,
                Long eventId, Long challengeId, List<VariantRequest> variants) {
            this(contentType, body, hashtags, mediaUrl, campaignId, eventId, challengeId, variants, null);
        }
    }

    @Schema(name = "VariantRequest")
    public record VariantRequest(
            @NotNull @Schema(examples = "INSTAGRAM") SocialPlatform platform,
            @NotNull @Schema(description = "Counted in user-perceived characters (an emoji is 1); on X a URL counts 23. "
                    + "Limits: X 280, Instagram 2200, Facebook 63206", examples = "Waspada hoaks! 🔍 Cek dulu sebelum berbagi.")
            String text,
            @Schema(description = "When it should go out (UTC instant); scheduling needs it at least 5 minutes after the "
                    + "approval and not in the past", examples = "2026-11-05T11:00:00Z")
            Instant scheduledAt,
            @Schema(description = "Post it by hand: at its time the author gets a reminder with the text and media instead "
                    + "of Serambi publishing it (false when omitted)") Boolean manual) {

        public VariantRequest(SocialPlatform platform, String text, Instant scheduledAt) {
            this(platform, text, scheduledAt, null);
        }
    }

    @Schema(name = "Post")
    public record PostView(long id, ContentType contentType,
            @Schema(description = "The shared content; empty when none was written") String body, List<String> hashtags,
            @Schema(nullable = true) String mediaUrl,
            @Schema(nullable = true) Long campaignId, @Schema(nullable = true) Long eventId,
            @Schema(nullable = true) Long challengeId, PostStatus status,
            @Schema(description = "null once the author's account is deleted", nullable = true) Long authorId,
            @Schema(description = "Who approved or rejected it last; null before any review", nullable = true) Long reviewerId,
            @Schema(description = "The reviewer's fact-check note (approval) or the rejection note; null before any review",
                    nullable = true) String reviewNote,
            @Schema(nullable = true) Instant reviewedAt, Instant createdAt, Instant updatedAt,
            @Schema(description = "Send it back as If-Match: \"<version>\" on PUT (the ETag header carries it too)")
            int version, List<VariantView> variants,
            @Schema(description = "The attached files of the media library, in order") List<MediaItem> media,
            @Schema(description = "Each variant's platform media rules checked against the attached files; a post with "
                    + "problems cannot be submitted for review") List<MediaCheck> mediaCheck) {
    }

    @Schema(name = "PostMediaCheck", description = "One platform's media rules checked against a post's files")
    public record MediaCheck(@Schema(examples = "INSTAGRAM") SocialPlatform platform,
            @Schema(description = "The problems, in Bahasa Indonesia; empty when the files may go out",
                    examples = "[\"Instagram memerlukan setidaknya satu gambar atau video.\"]") List<String> problems) {
    }

    @Schema(name = "PostMediaCheckRequest")
    public record MediaCheckRequest(
            @NotNull @Size(max = 10) @Schema(examples = "[7]") List<@NotNull Long> mediaIds,
            @NotNull @Size(min = 1, max = 3) @Schema(examples = "[\"INSTAGRAM\", \"X\"]")
            List<@NotNull SocialPlatform> platforms) {
    }

    @Schema(name = "PostVariant")
    public record VariantView(long id, SocialPlatform platform, String text,
            @Schema(description = "Characters as the platform counts them") int characters,
            @Schema(description = "The platform's limit") int limit,
            @Schema(description = "When it should go out; null until it is given one", nullable = true) Instant scheduledAt,
            @Schema(description = "Its permalink once out", nullable = true) String publishedUrl,
            @Schema(description = "When it went out; null until then", nullable = true) Instant publishedAt,
            @Schema(description = "The latest metrics snapshot; null without any", nullable = true) MetricsView metrics,
            @Schema(description = "Posted by hand: a reminder at its time instead of a platform call") boolean manual,
            @Schema(description = "Where it stands on its way to the platform: NONE (not scheduled), SCHEDULED (Terjadwal), "
                    + "PUBLISHING (Sedang diterbitkan), RETRY_WAIT (a temporary failure, tried again at nextAttemptAt), "
                    + "PUBLISHED (Terbit), FAILED (Gagal, see lastError), CHECK_NEEDED (Perlu dicek: an attempt was cut "
                    + "off), MANUAL_DUE (Menunggu diunggah manual), MISSED (Terlewat)") Delivery delivery,
            @Schema(description = "The platform's own id of the published post; null until Serambi published it",
                    nullable = true) String externalId,
            @Schema(description = "Calls made to the platform") int attempts,
            @Schema(description = "The platform's message for the last failure; null without one", nullable = true)
            String lastError,
            @Schema(description = "When a temporary failure is tried again; null unless RETRY_WAIT", nullable = true)
            Instant nextAttemptAt,
            @Schema(description = "The variant's tracked links, one per event, challenge or survey its text points to: "
                    + "Serambi puts them in place of the pages' URLs on every save (issue 22), so each platform's clicks "
                    + "are counted apart") List<id.serambi.campaign.links.VariantLinks.VariantLink> links) {
    }

    @Schema(name = "VariantMetrics")
    public record MetricsView(Instant capturedAt,
            @Schema(description = "CSV (an import), API (read from the platform) or MANUAL (typed in by staff)",
                    examples = "MANUAL") String source,
            @Schema(description = "null: not reported (likewise for the other figures)", nullable = true) Long impressions,
            @Schema(nullable = true) Long reach, @Schema(nullable = true) Long reactions,
            @Schema(nullable = true) Long comments, @Schema(nullable = true) Long shares,
            @Schema(nullable = true) Long saves, @Schema(nullable = true) Long clicks,
            @Schema(nullable = true) Long videoViews,
            @Schema(description = "reactions + comments + shares + saves + clicks") long engagements,
            @Schema(description = "engagements ÷ impressions; null without impressions", nullable = true) Double engagementRate) {
    }

    /** Which posts a list shows; from/to keep posts with a variant scheduled or published in [from, to). */
    public record PostFilter(Long campaignId, PostStatus status, SocialPlatform platform, Instant from, Instant to) {
    }

    @Schema(name = "PostPage")
    public record PostPage(List<PostView> items, int page, int size, long total) {
    }

    @Schema(name = "ReviewNote")
    public record Note(
            @NotBlank @Size(max = 2000) @Schema(examples = "Data Kominfo 2025 sudah dicek; tautan sumber benar.") String note) {
    }

    @Schema(name = "PublishRequest")
    public record PublishRequest(@NotNull @Size(min = 1, max = 3) List<@NotNull @Valid PublishedVariant> variants) {
    }

    @Schema(name = "PublishedVariant")
    public record PublishedVariant(
            @NotNull @Schema(examples = "INSTAGRAM") SocialPlatform platform,
            @NotBlank @Size(max = 2000) @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL")
            @Schema(examples = "https://www.instagram.com/p/C0ntoh123/") String publishedUrl,
            @Schema(description = "When it went out; now if omitted") Instant publishedAt) {
    }

    @Schema(name = "PostTransition")
    public record TransitionView(long id,
            @Schema(description = "null for the entry that created the post", nullable = true) PostStatus from,
            PostStatus to,
            @Schema(description = "null for the publishing job, or once the account is deleted", nullable = true) Long actorId,
            @Schema(nullable = true) String actorName, @Schema(nullable = true) String note, Instant at,
            @Schema(description = "The actor wrote or changed the text in this step: they may not approve the post")
            boolean textChanged) {
    }

    @Schema(name = "MetricsRequest", description = "A snapshot of one variant's numbers; omitted numbers are not reported")
    public record MetricsRequest(
            @PositiveOrZero @Schema(examples = "1200") Long impressions,
            @PositiveOrZero @Schema(examples = "950") Long reach,
            @PositiveOrZero @Schema(examples = "80") Long reactions,
            @PositiveOrZero @Schema(examples = "12") Long comments,
            @PositiveOrZero @Schema(examples = "9") Long shares,
            @PositiveOrZero @Schema(examples = "15") Long saves,
            @PositiveOrZero @Schema(examples = "4") Long clicks,
            @PositiveOrZero @Schema(examples = "0") Long videoViews) {
    }
}
