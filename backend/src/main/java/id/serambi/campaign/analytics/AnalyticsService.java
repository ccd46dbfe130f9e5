package id.serambi.campaign.analytics;

import id.serambi.campaign.planning.Campaign;
import id.serambi.campaign.planning.CampaignKpi;
import id.serambi.campaign.planning.CampaignKpiRepository;
import id.serambi.campaign.planning.CampaignRepository;
import id.serambi.campaign.planning.KpiMetric;
import id.serambi.campaign.posts.ContentType;
import id.serambi.campaign.posts.PostVariant;
import id.serambi.campaign.posts.PostRepository;
import id.serambi.campaign.posts.PostVariantRepository;
import id.serambi.event.Events;
import id.serambi.survey.SurveySatisfaction;
import id.serambi.social.SocialPlatform;
import id.serambi.common.SerambiConfig;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What worked: for the variants published between two WITA dates (each with its latest metrics snapshot),
 * engagement rate = engagements ÷ impressions, where engagements = reactions + comments + shares + saves + clicks,
 * summed over a group before dividing (so a big post weighs more than a small one). Grouped by platform, content type,
 * campaign, WITA week (Monday first), and WITA day of week and hour of publication; the best day and hour are those
 * with the highest rate. Reach is never summed across posts: each post's reach is listed, and groups give the
 * average reach of the posts that reported one. KPI progress per campaign counts that campaign's variants in the
 * period (REACH: average reach per post; ENGAGEMENT_RATE: a fraction).
 */
@ApplicationScoped
public class AnalyticsService {

    @Schema(name = "AnalyticsGroup")
    public record Group(@Schema(description = "The platform, content type, campaign id, week start, day or hour") String key,
            String label, long posts, long impressions, long engagements,
            @Schema(description = "engagements ÷ impressions; null without impressions", nullable = true) Double engagementRate,
            @Schema(description = "Average reach per post that reported reach (never a sum); null when none did",
                    nullable = true) Double averageReach,
            long reactions, long comments, long shares, long saves, long clicks) {
    }

    @Schema(name = "PostMetricsRow")
    public record PostRow(long postId, long variantId, SocialPlatform platform, ContentType contentType,
            @Schema(nullable = true) Long campaignId,
            @Schema(description = "The start of the variant's text (at most 80 characters), to tell the posts apart") String excerpt,
            String publishedUrl,
            @Schema(description = "When it went out (the dashboard shows it in the library's time zone, WITA)") Instant publishedAt,
            @Schema(description = "null: not reported (likewise for the other figures)", nullable = true) Long impressions,
            @Schema(nullable = true) Long reach, @Schema(nullable = true) Long reactions,
            @Schema(nullable = true) Long comments, @Schema(nullable = true) Long shares,
            @Schema(nullable = true) Long saves, @Schema(nullable = true) Long clicks,
            @Schema(nullable = true) Long videoViews, long engagements,
            @Schema(description = "engagements ÷ impressions; null without impressions", nullable = true) Double engagementRate,
            @Schema(description = "Where the figures came from: CSV (an import), API (read from the platform) or MANUAL (typed in by staff); null without figures",
                    examples = "API", nullable = true) String metricsSource,
            @Schema(description = "When the figures were captured; null without figures", nullable = true) Instant metricsCapturedAt) {
    }

    @Schema(name = "KpiProgress")
    public record KpiProgress(long campaignId, String campaignTitle, KpiMetric metric, BigDecimal target, double actual,
            @Schema(description = "actual ÷ target") double progress, boolean achieved) {
    }

    @Schema(name = "Analytics")
    public record View(LocalDate from, LocalDate to, @Schema(examples = "Asia/Makassar") String timeZone,
            @Schema(description = "The campaign asked for; null for all posts", nullable = true) Long campaignId, Group totals,
            List<Group> byPlatform, List<Group> byContentType, List<Group> byCampaign,
            @Schema(description = "Weekly buckets (Monday, WITA), keyed by the week's first day") List<Group> overTime,
            List<Group> byDayOfWeek, List<Group> byHour,
            @Schema(description = "The WITA day of the week with the highest engagement rate; null without figures",
                    examples = "SATURDAY", nullable = true) String bestDay,
            @Schema(description = "The WITA hour with the highest engagement rate; null without figures", examples = "19",
                    nullable = true) Integer bestHour,
            List<PostRow> posts, List<KpiProgress> kpis,
            @Schema(description = "The satisfaction of the participants of the events the campaigns' posts promoted (issue 20), "
                    + "by campaign then event") List<EventSatisfaction> satisfaction) {
    }

    @Schema(name = "EventSatisfaction", description = "Survey responses given after an event a campaign promoted; counts are "
            + "always given, the dashboard marks fewer than 10 answers")
    public record EventSatisfaction(long campaignId, String campaignTitle, long eventId,
            @Schema(description = "null when the event no longer exists", nullable = true) String eventTitle,
            @Schema(examples = "12") long responses, @Schema(examples = "10") long scaleAnswers,
            @Schema(description = "The mean of the 1–5 scale answers; null without any", nullable = true, examples = "4.3") Double meanScale,
            @Schema(examples = "9") long npsAnswers,
            @Schema(description = "The NPS (−100..100) of the 0–10 answers; null without any", nullable = true, examples = "33.3") Double nps) {
    }

    private final ZoneId zone;
    private final PostVariantRepository variants;
    private final VariantMetricRepository metrics;
    private final CampaignRepository campaigns;
    private final CampaignKpiRepository kpis;
    private final PostRepository posts;
    private final Events events;
    private final SurveySatisfaction satisfaction;

    public AnalyticsService(SerambiConfig config, PostVariantRepository variants, VariantMetricRepository metrics,
            CampaignRepository campaigns, CampaignKpiRepository kpis, PostRepository posts, Events events,
            SurveySatisfaction satisfaction) {
        this.posts = posts;
        this.events = events;
        this.satisfaction = satisfaction;
        this.zone = config.library().timeZone();
        this.variants = variants;
        this.metrics = metrics;
        this.campaigns = campaigns;
        this.kpis = kpis;
    }

    @WithSession
    public Uni<View> between(LocalDate from, LocalDate to, Long campaignId) {
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        return variants.publishedBetween(start, end, campaignId)
                .chain(rows -> metrics.latest(rows.stream().map(r -> r.variant().id).toList()).chain(latest -> {
                    List<PostRow> posts = rows.stream().map(r -> row(r.variant(), r.contentType(), r.campaignId(),
                            latest.get(r.variant().id))).toList();
                    List<Long> campaignIds = campaignId != null ? List.of(campaignId)
                            : posts.stream().map(PostRow::campaignId).filter(java.util.Objects::nonNull).distinct().toList();
                    Uni<List<Campaign>> found = campaignIds.isEmpty() ? Uni.createFrom().item(List.of())
                            : campaigns.byIds(campaignIds);
                    return found.chain(cs -> (cs.isEmpty() ? Uni.createFrom().item(List.<CampaignKpi>of())
                            : kpis.ofCampaigns(cs.stream().map(c -> c.id).toList()))
                            .chain(targets -> satisfaction(cs).map(happy -> view(from, to, campaignId, posts, cs, targets, happy))));
                }));
    }

    /**
     * For each event the campaigns' posts promoted (post.event_id), the satisfaction of its participants; titles are
     * asked of the event feature one after another on this session.
     */
    private Uni<List<EventSatisfaction>> satisfaction(List<Campaign> cs) {
        Map<Long, String> campaignTitles = cs.stream().collect(Collectors.toMap(c -> c.id, c -> c.title));
        return posts.promotedEvents(cs.stream().map(c -> c.id).toList()).chain(pairs -> {
            if (pairs.isEmpty()) {
                return Uni.createFrom().item(List.<EventSatisfaction>of());
            }
            List<Long> eventIds = pairs.stream().map(p -> p[1]).distinct().toList();
            Map<Long, String> eventTitles = new java.util.HashMap<>();
            return satisfaction.ofEvents(eventIds).chain(byEvent -> io.smallrye.mutiny.Multi.createFrom().iterable(eventIds)
                    .onItem().transformToUniAndConcatenate(id -> events.find(id)
                            .invoke(e -> eventTitles.put(id, e == null ? null : e.title())).replaceWith(id))
                    .collect().asList().map(done -> pairs.stream().map(p -> {
                        SurveySatisfaction.Satisfaction s = byEvent.get(p[1]);
                        return s == null ? new EventSatisfaction(p[0], campaignTitles.get(p[0]), p[1], eventTitles.get(p[1]), 0, 0, null, 0, null)
                                : new EventSatisfaction(p[0], campaignTitles.get(p[0]), p[1], eventTitles.get(p[1]), s.responses(),
                                        s.scaleAnswers(), s.meanScale(), s.npsAnswers(), s.nps());
                    }).toList()));
        });
    }

    private View view(LocalDate from, LocalDate to, Long campaignId, List<PostRow> posts, List<Campaign> campaigns,
            List<CampaignKpi> kpis, List<EventSatisfaction> satisfaction) {
        Map<Long, String> titles = campaigns.stream().collect(Collectors.toMap(c -> c.id, c -> c.title));
        List<Group> byPlatform = group(posts, r -> r.platform().name(), k -> SocialPlatform.valueOf(k).label());
        List<Group> byType = group(posts, r -> r.contentType().name(), k -> k);
        List<Group> byCampaign = group(posts.stream().filter(r -> r.campaignId() != null).toList(),
                r -> String.valueOf(r.campaignId()), k -> titles.getOrDefault(Long.valueOf(k), k));
        List<Group> weeks = group(posts, r -> local(r).toLocalDate()
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString(), k -> k);
        weeks.sort(Comparator.comparing(Group::key));
        List<Group> days = group(posts, r -> local(r).getDayOfWeek().name(), AnalyticsService::hari);
        days.sort(Comparator.comparing(g -> DayOfWeek.valueOf(g.key())));
        List<Group> hours = group(posts, r -> String.format("%02d", local(r).getHour()), k -> k + ":00");
        hours.sort(Comparator.comparing(Group::key));
        Group best = best(days);
        Group bestHour = best(hours);
        List<KpiProgress> progress = new ArrayList<>();
        for (CampaignKpi k : kpis) {
            List<PostRow> mine = posts.stream().filter(r -> k.campaignId.equals(r.campaignId())).toList();
            Group g = summary("campaign", "", mine);
            double actual = switch (k.metric) {
                case IMPRESSIONS -> g.impressions();
                case ENGAGEMENTS -> g.engagements();
                case CLICKS -> g.clicks();
                case POSTS -> g.posts();
                case REACH -> g.averageReach() == null ? 0 : g.averageReach();
                case ENGAGEMENT_RATE -> g.engagementRate() == null ? 0 : g.engagementRate();
            };
            double ratio = actual / k.target.doubleValue();
            progress.add(new KpiProgress(k.campaignId, titles.get(k.campaignId), k.metric, k.target.stripTrailingZeros(),
                    actual, ratio, ratio >= 1));
        }
        return new View(from, to, zone.getId(), campaignId, summary("ALL", "Semua", posts), byPlatform, byType,
                byCampaign, weeks, days, hours, best == null ? null : best.key(),
                bestHour == null ? null : Integer.valueOf(bestHour.key()), posts, progress, satisfaction);
    }

    /** When the variant went out, in the library's zone (WITA). */
    private LocalDateTime local(PostRow row) {
        return LocalDateTime.ofInstant(row.publishedAt(), zone);
    }

    private PostRow row(PostVariant v, ContentType type, Long campaignId, VariantMetric m) {
        if (m == null) {
            return new PostRow(v.postId, v.id, v.platform, type, campaignId, excerpt(v.text), v.publishedUrl, v.publishedAt,
                    null, null, null, null, null, null, null, null, 0, null, null, null);
        }
        long engagements = Engagement.engagements(m.reactions, m.comments, m.shares, m.saves, m.clicks);
        return new PostRow(v.postId, v.id, v.platform, type, campaignId, excerpt(v.text), v.publishedUrl, v.publishedAt,
                m.impressions, m.reach, m.reactions, m.comments, m.shares, m.saves, m.clicks, m.videoViews, engagements,
                Engagement.rate(engagements, Engagement.n(m.impressions)), m.source, m.capturedAt);
    }

    /** The first 80 characters (whole code points), with an ellipsis when the text is longer. */
    static String excerpt(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.strip().replaceAll("\\s+", " ");
        if (flat.codePointCount(0, flat.length()) <= 80) {
            return flat;
        }
        return flat.substring(0, flat.offsetByCodePoints(0, 79)).stripTrailing() + "…";
    }

    private static List<Group> group(List<PostRow> rows, Function<PostRow, String> key, Function<String, String> label) {
        Map<String, List<PostRow>> groups = rows.stream().collect(Collectors.groupingBy(key, LinkedHashMap::new,
                Collectors.toList()));
        List<Group> result = new ArrayList<>();
        groups.forEach((k, members) -> result.add(summary(k, label.apply(k), members)));
        return result;
    }

    static Group summary(String key, String label, List<PostRow> rows) {
        long impressions = 0, engagements = 0, reactions = 0, comments = 0, shares = 0, saves = 0, clicks = 0;
        long reachTotal = 0;
        int reachCount = 0;
        for (PostRow r : rows) {
            impressions += Engagement.n(r.impressions());
            engagements += r.engagements();
            reactions += Engagement.n(r.reactions());
            comments += Engagement.n(r.comments());
            shares += Engagement.n(r.shares());
            saves += Engagement.n(r.saves());
            clicks += Engagement.n(r.clicks());
            if (r.reach() != null) {
                reachTotal += r.reach();
                reachCount++;
            }
        }
        return new Group(key, label, rows.size(), impressions, engagements, Engagement.rate(engagements, impressions),
                reachCount == 0 ? null : (double) reachTotal / reachCount, reactions, comments, shares, saves, clicks);
    }

    private static Group best(List<Group> groups) {
        return groups.stream().filter(g -> g.engagementRate() != null)
                .max(Comparator.comparing(Group::engagementRate).thenComparing(Group::posts)).orElse(null);
    }

    private static String hari(String day) {
        return switch (DayOfWeek.valueOf(day)) {
            case MONDAY -> "Senin";
            case TUESDAY -> "Selasa";
            case WEDNESDAY -> "Rabu";
            case THURSDAY -> "Kamis";
            case FRIDAY -> "Jumat";
            case SATURDAY -> "Sabtu";
            case SUNDAY -> "Minggu";
        };
    }
}
