package id.serambi.campaign.calendar;

import id.serambi.campaign.posts.ContentType;
import id.serambi.campaign.posts.Delivery;
import id.serambi.campaign.posts.PostStatus;
import id.serambi.campaign.posts.PostVariant;
import id.serambi.campaign.posts.PostVariantRepository;
import id.serambi.social.SocialPlatform;
import id.serambi.common.SerambiConfig;
import id.serambi.event.Events;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The content calendar (GET /api/content-calendar, schema ContentCalendar): post variants (at their published
 * time, else their scheduled time) and events (at their start) in one list, bucketed into the library's local dates,
 * with warnings against each platform's cadence.
 *
 * <p>Cadence counts only variants of posts that will go out (APPROVED, SCHEDULED or PUBLISHED). A GAP is a run of at
 * least {@code serambi.campaigns.gap-days} local days inside the period without such a post on a platform. An
 * UNDER_TARGET week is a Monday–Sunday week lying wholly inside the period with fewer posts than the platform's
 * weekly target. A platform whose cadence is 0 gets no warnings.
 */
@ApplicationScoped
public class CampaignCalendarService {

    private static final Set<PostStatus> GOING_OUT = EnumSet.of(PostStatus.APPROVED, PostStatus.SCHEDULED, PostStatus.PUBLISHED);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    @Schema(name = "CalendarItem", description = "A post variant (kind POST) or an event (kind EVENT)")
    public record Item(@Schema(enumeration = { "POST", "EVENT" }, examples = "POST") String kind, Instant at,
            @Schema(description = "The date in the library's zone (WITA)") LocalDate localDate,
            @Schema(description = "HH:mm in the library's zone", examples = "19:00") String localTime, String title,
            @Schema(description = "POST only; null for an event", nullable = true) Long postId,
            @Schema(description = "POST only", nullable = true) Long variantId,
            @Schema(description = "POST only", nullable = true) SocialPlatform platform,
            @Schema(description = "POST only", nullable = true) PostStatus postStatus,
            @Schema(description = "POST only", nullable = true) ContentType contentType,
            @Schema(description = "POST: the post's campaign, if any", nullable = true) Long campaignId,
            @Schema(description = "POST: whether it is out; null for an event", nullable = true) Boolean published,
            @Schema(description = "EVENT only; null for a post", nullable = true) Long eventId,
            @Schema(description = "EVENT only", nullable = true, examples = "PUBLISHED") String eventStatus,
            @Schema(description = "POST: where the variant stands on its way to its platform (Terjadwal, Terbit, Gagal, "
                    + "Terlewat, Perlu dicek ...), as on the post; null for an event", nullable = true) Delivery delivery,
            @Schema(description = "POST: its permalink once out", nullable = true) String publishedUrl,
            @Schema(description = "POST: the platform's message for its last failure", nullable = true) String lastError) {
    }

    @Schema(name = "CadenceWarning")
    public record Warning(SocialPlatform platform,
            @Schema(description = "GAP or UNDER_TARGET", enumeration = { "GAP", "UNDER_TARGET" }, examples = "GAP") String kind,
            LocalDate from, LocalDate to,
            @Schema(description = "GAP: days without a post; null for UNDER_TARGET", nullable = true) Integer days,
            @Schema(description = "UNDER_TARGET: posts that week; null for GAP", nullable = true) Integer posts,
            @Schema(description = "UNDER_TARGET: the weekly target; null for GAP", nullable = true) Integer target,
            @Schema(examples = "Instagram: tidak ada unggahan selama 6 hari") String message) {
    }

    @Schema(name = "ContentCalendar")
    public record View(LocalDate from, LocalDate to, String timeZone, List<Item> items, List<Warning> warnings) {
    }

    private final ZoneId zone;
    private final int gapDays;
    private final Map<SocialPlatform, Integer> cadence = new EnumMap<>(SocialPlatform.class);

    private final Events events;
    private final PostVariantRepository variants;

    public CampaignCalendarService(SerambiConfig config, Events events, PostVariantRepository variants) {
        this.events = events;
        this.variants = variants;
        this.zone = config.library().timeZone();
        this.gapDays = config.campaigns().gapDays();
        cadence.put(SocialPlatform.FACEBOOK, config.campaigns().cadence().facebook());
        cadence.put(SocialPlatform.INSTAGRAM, config.campaigns().cadence().instagram());
        cadence.put(SocialPlatform.X, config.campaigns().cadence().x());
    }

    /** As on the post: a post back in draft shows its variants NONE until scheduled again, except one already out. */
    private static Delivery delivery(PostStatus status, PostVariant v) {
        boolean goingOut = status == PostStatus.SCHEDULED || status == PostStatus.PUBLISHED;
        return goingOut || v.delivery == Delivery.PUBLISHED ? v.delivery : Delivery.NONE;
    }

    /** [from, to] as local dates in the library's zone, both inclusive. */
    @WithSession
    public Uni<View> between(LocalDate from, LocalDate to) {
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        return variants.goingOutBetween(start, end)
                .chain(dated -> events.startingBetween(start, end)
                        .map(events -> {
                            List<Item> items = new ArrayList<>();
                            for (PostVariantRepository.Dated row : dated) {
                                PostVariant v = row.variant();
                                Instant at = v.publishedAt != null ? v.publishedAt : v.scheduledAt;
                                ZonedDateTime local = at.atZone(zone);
                                items.add(new Item("POST", at, local.toLocalDate(), TIME.format(local), excerpt(v.text),
                                        v.postId, v.id, v.platform, row.status(), row.contentType(),
                                        row.campaignId(), v.publishedAt != null, null, null, delivery(row.status(), v),
                                        v.publishedUrl, v.lastError));
                            }
                            for (Events.EventSummary e : events) {
                                ZonedDateTime local = e.startsAt().atZone(zone);
                                items.add(new Item("EVENT", e.startsAt(), local.toLocalDate(), TIME.format(local), e.title(),
                                        null, null, null, null, null, null, null, e.id(), e.status(), null, null, null));
                            }
                            items.sort(Comparator.comparing(Item::at).thenComparing(Item::kind)
                                    .thenComparing(i -> i.variantId() == null ? i.eventId() : i.variantId()));
                            return new View(from, to, zone.getId(), items, warnings(from, to, items));
                        }));
    }

    List<Warning> warnings(LocalDate from, LocalDate to, List<Item> items) {
        List<Warning> warnings = new ArrayList<>();
        for (SocialPlatform platform : SocialPlatform.values()) {
            int perWeek = cadence.get(platform);
            if (perWeek <= 0) {
                continue;
            }
            List<LocalDate> days = items.stream().filter(i -> i.platform() == platform && GOING_OUT.contains(i.postStatus()))
                    .map(Item::localDate).toList();
            TreeSet<LocalDate> postingDays = new TreeSet<>(days);
            LocalDate runStart = null;
            for (LocalDate d = from; !d.isAfter(to.plusDays(1)); d = d.plusDays(1)) {
                boolean empty = !d.isAfter(to) && !postingDays.contains(d);
                if (empty && runStart == null) {
                    runStart = d;
                } else if (!empty && runStart != null) {
                    int length = (int) ChronoUnit.DAYS.between(runStart, d);
                    if (length >= gapDays) {
                        warnings.add(new Warning(platform, "GAP", runStart, d.minusDays(1), length, null, null,
                                platform.label() + ": tidak ada unggahan selama " + length + " hari"));
                    }
                    runStart = null;
                }
            }
            for (LocalDate monday = from.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
                    !monday.plusDays(6).isAfter(to); monday = monday.plusWeeks(1)) {
                LocalDate weekStart = monday;
                LocalDate sunday = monday.plusDays(6);
                int posts = (int) days.stream().filter(d -> !d.isBefore(weekStart) && !d.isAfter(sunday)).count();
                if (posts < perWeek) {
                    warnings.add(new Warning(platform, "UNDER_TARGET", monday, sunday, null, posts, perWeek,
                            platform.label() + ": " + posts + " dari target " + perWeek + " unggahan minggu ini"));
                }
            }
        }
        warnings.sort(Comparator.comparing(Warning::from).thenComparing(Warning::platform).thenComparing(Warning::kind));
        return warnings;
    }

    private static String excerpt(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, oneLine.offsetByCodePoints(0, 
                Math.min(77, oneLine.codePointCount(0, oneLine.length())))) + "…";
    }
}
