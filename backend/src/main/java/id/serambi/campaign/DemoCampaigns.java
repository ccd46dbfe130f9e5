package id.serambi.campaign;

import id.serambi.account.Accounts;
import id.serambi.campaign.analytics.VariantMetricsService;
import id.serambi.campaign.planning.CampaignDtos.CampaignRequest;
import id.serambi.campaign.planning.CampaignDtos.KpiTarget;
import id.serambi.campaign.planning.CampaignService;
import id.serambi.campaign.planning.CampaignTheme;
import id.serambi.campaign.planning.KpiMetric;
import id.serambi.campaign.posts.ContentType;
import id.serambi.campaign.posts.PostDtos.MetricsRequest;
import id.serambi.campaign.posts.PostDtos.PostRequest;
import id.serambi.campaign.posts.PostDtos.PostView;
import id.serambi.campaign.posts.PostDtos.PublishRequest;
import id.serambi.campaign.posts.PostDtos.PublishedVariant;
import id.serambi.campaign.posts.PostDtos.VariantRequest;
import id.serambi.campaign.posts.PostService;
import id.serambi.media.MediaLibrary;
import id.serambi.social.SocialPlatform;
import id.serambi.common.SerambiConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * Demo campaigns for Perpustakaan Kota Banjarbaru: "Kampanye Literasi Digital: Waspada Hoaks" on Instagram (as in the
 * seeds) and "Klub Buku Bulanan" on Facebook and X, with posts in every state, one of them published with metrics.
 * Each campaign is skipped when one of that title exists. Used by {@link id.serambi.demo.DemoData} only: the campaign
 * feature's published interface.
 */
@ApplicationScoped
public class DemoCampaigns {

    static final String HOAKS = "Kampanye Literasi Digital: Waspada Hoaks";
    static final String KLUB_BUKU = "Klub Buku Bulanan";

    private final CampaignService campaigns;
    private final PostService posts;
    private final VariantMetricsService metrics;
    private final Accounts users;
    private final ZoneId zone;
    private final MediaLibrary media;
    /** The Instagram posts' image (1080×1080 JPEG): Instagram publishes nothing without one (issue 15). */
    private final byte[] hoaksImage;

    public DemoCampaigns(CampaignService campaigns, PostService posts, VariantMetricsService metrics, Accounts users,
            SerambiConfig config, MediaLibrary media) {
        this.campaigns = campaigns;
        this.posts = posts;
        this.metrics = metrics;
        this.users = users;
        this.zone = config.library().timeZone();
        this.media = media;
        try (var in = DemoCampaigns.class.getResourceAsStream("/demo/media/waspada-hoaks.jpg")) {
            this.hoaksImage = in == null ? null : in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public Uni<Void> ensure(String staffEmail, String reviewerEmail) {
        return user(staffEmail).chain(staff -> user(reviewerEmail).chain(reviewer -> hoaks(staff, reviewer)
                .chain(() -> klubBuku(staff, reviewer))));
    }

    private Uni<Void> hoaks(long staff, long reviewer) {
        LocalDate today = LocalDate.now(zone);
        return ifAbsent(HOAKS, () -> campaigns.create(new CampaignRequest(HOAKS,
                "Mengajak remaja dan warga Banjarbaru memeriksa kebenaran informasi sebelum membagikannya: cek sumber, "
                        + "cek tanggal, bandingkan dengan media lain.",
                CampaignTheme.CYBER_SAFETY, today.minusDays(14), today.plusDays(30), List.of(SocialPlatform.INSTAGRAM),
                List.of(new KpiTarget(KpiMetric.IMPRESSIONS, new BigDecimal("20000")),
                        new KpiTarget(KpiMetric.ENGAGEMENT_RATE, new BigDecimal("0.05")),
                        new KpiTarget(KpiMetric.POSTS, new BigDecimal("12")))), staff)
                .chain(c -> media.add("waspada-hoaks.jpg", hoaksImage, staff)
                        .chain(image -> hoaksPosts(c.id(), staff, reviewer, today, image.id()))));
    }

    private Uni<Void> hoaksPosts(long campaign, long staff, long reviewer, LocalDate today, long image) {
        PostRequest tip = withImage(image, post(campaign, ContentType.EDUCATIONAL_TIP,
                "Tiga langkah sebelum membagikan berita: cek sumbernya, cek tanggalnya, bandingkan dengan media lain.",
                List.of("WaspadaHoaks", "LiterasiDigital", "PerpustakaanKotaBanjarbaru"),
                new VariantRequest(SocialPlatform.INSTAGRAM, "Waspada hoaks! 🔍 Sebelum membagikan berita: "
                        + "1️⃣ cek sumbernya, 2️⃣ cek tanggalnya, 3️⃣ bandingkan dengan media lain. "
                        + "#WaspadaHoaks #LiterasiDigital #PerpustakaanKotaBanjarbaru", at(today.minusDays(5), 19))));
        PostRequest quote = withImage(image, post(campaign, ContentType.QUOTE,
                "Kutipan: \"Membaca adalah jendela dunia, berpikir kritis adalah kuncinya.\"",
                List.of("WaspadaHoaks", "KutipanLiterasi"),
                new VariantRequest(SocialPlatform.INSTAGRAM, "\"Membaca adalah jendela dunia, berpikir "
                        + "kritis adalah kuncinya.\" 📚✨ #WaspadaHoaks #KutipanLiterasi", at(today.plusDays(1), 19))));
        PostRequest infographic = withImage(image, post(campaign, ContentType.INFOGRAPHIC,
                "Infografis: ciri-ciri hoaks (judul provokatif, sumber tidak jelas, minta disebarkan).",
                List.of("WaspadaHoaks", "Infografis"),
                new VariantRequest(SocialPlatform.INSTAGRAM, "Kenali ciri-ciri hoaks 🚩 Judul provokatif, "
                        + "sumber tidak jelas, dan minta segera disebarkan. Geser untuk infografis lengkap! "
                        + "#WaspadaHoaks #Infografis", at(today.plusDays(3), 12))));
        return published(staff, reviewer, tip, "https://www.instagram.com/p/DemoWaspadaHoaks1/",
                new MetricsRequest(2450L, 1830L, 164L, 23L, 31L, 48L, 12L, null))
                .chain(() -> scheduled(staff, reviewer, quote))
                .chain(() -> inReview(staff, infographic))
                .replaceWithVoid();
    }

    private Uni<Void> klubBuku(long staff, long reviewer) {
        LocalDate today = LocalDate.now(zone);
        return ifAbsent(KLUB_BUKU, () -> campaigns.create(new CampaignRequest(KLUB_BUKU,
                "Mengumumkan dan meramaikan klub buku bulanan Perpustakaan Kota Banjarbaru.", CampaignTheme.READING_CLUB,
                today.minusDays(7), today.plusDays(60), List.of(SocialPlatform.FACEBOOK, SocialPlatform.X),
                List.of(new KpiTarget(KpiMetric.REACH, new BigDecimal("1500")),
                        new KpiTarget(KpiMetric.POSTS, new BigDecimal("8")))), staff)
                .chain(c -> published(staff, reviewer, post(c.id(), ContentType.BOOK_REVIEW,
                        "Ulasan bulan ini: \"Laskar Pelangi\" karya Andrea Hirata, tentang semangat belajar di Belitung.",
                        List.of("KlubBukuBanjarbaru", "UlasanBuku"),
                        new VariantRequest(SocialPlatform.FACEBOOK, "📖 Ulasan Klub Buku: \"Laskar Pelangi\" karya Andrea "
                                + "Hirata. Kisah sepuluh anak Belitung yang tak menyerah untuk sekolah. Sudah baca? "
                                + "Ceritakan kesanmu di kolom komentar! #KlubBukuBanjarbaru", at(today.minusDays(3), 20))),
                        "https://www.facebook.com/perpuskotabanjarbaru/posts/demo1",
                        new MetricsRequest(1320L, 990L, 88L, 17L, 9L, 0L, 21L, null))
                        .chain(() -> posts.create(post(c.id(), ContentType.ANNOUNCEMENT,
                                "Klub Buku Bulanan berikutnya membahas \"Bumi\" karya Tere Liye. Daftar lewat situs perpustakaan.",
                                List.of("KlubBukuBanjarbaru"),
                                new VariantRequest(SocialPlatform.FACEBOOK, "Klub Buku Bulanan berikutnya membahas \"Bumi\" "
                                        + "karya Tere Liye! Yuk daftar dan ajak temanmu. #KlubBukuBanjarbaru",
                                        at(today.plusDays(5), 19)),
                                new VariantRequest(SocialPlatform.X, "Klub Buku Bulanan: \"Bumi\" karya Tere Liye 📚 "
                                        + "Daftar sekarang! #KlubBukuBanjarbaru", at(today.plusDays(5), 19))), staff))
                        .replaceWithVoid()));
    }

    private static PostRequest withImage(long image, PostRequest r) {
        return new PostRequest(r.contentType(), r.body(), r.hashtags(), r.mediaUrl(), r.campaignId(), r.eventId(),
                r.challengeId(), r.variants(), List.of(image));
    }

    private static PostRequest post(long campaignId, ContentType type, String body, List<String> hashtags,
            VariantRequest... variants) {
        return new PostRequest(type, body, hashtags, null, campaignId, null, null, List.of(variants));
    }

    private Uni<PostView> inReview(long staff, PostRequest request) {
        return posts.create(request, staff).chain(p -> posts.submit(p.id(), staff));
    }

    private Uni<PostView> scheduled(long staff, long reviewer, PostRequest request) {
        return inReview(staff, request)
                .chain(p -> posts.approve(p.id(), reviewer, "Isi dan kutipan sudah diperiksa; aman untuk diunggah."))
                .chain(p -> posts.schedule(p.id(), staff));
    }

    private Uni<Void> published(long staff, long reviewer, PostRequest request, String url, MetricsRequest numbers) {
        VariantRequest variant = request.variants().get(0);
        // Published in the past: approved and recorded by hand (scheduling is only for a time ahead).
        return inReview(staff, request)
                .chain(p -> posts.approve(p.id(), reviewer, "Isi dan kutipan sudah diperiksa; aman untuk diunggah."))
                .chain(p -> posts.publish(p.id(), staff, new PublishRequest(List.of(
                        new PublishedVariant(variant.platform(), url, variant.scheduledAt())))))
                .chain(p -> metrics.record(p.id(), variant.platform(), numbers)).replaceWithVoid();
    }

    private Instant at(LocalDate day, int hour) {
        return day.atTime(LocalTime.of(hour, 0)).atZone(zone).toInstant();
    }

    private Uni<Void> ifAbsent(String title, java.util.function.Supplier<Uni<Void>> create) {
        return campaigns.titleTaken(title).chain(taken -> taken ? Uni.createFrom().voidItem() : create.get());
    }

    private Uni<Long> user(String email) {
        return users.idByEmail(email);
    }
}
