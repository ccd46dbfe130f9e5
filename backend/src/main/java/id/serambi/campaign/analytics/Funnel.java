package id.serambi.campaign.analytics;

import id.serambi.social.SocialPlatform;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A funnel (issue 22): impressions → clicks → registrations → confirmed → attended (and joined, for challenges), for
 * the tracked links of a campaign, of an event, or of a partner, with rates that say nothing on fewer than
 * {@link #MINIMUM_BASE}. Counts only: nobody is named.
 */
@Schema(name = "Funnel", description = "The tracked links of a campaign (its variants' links and the partner links "
        + "staff filed under it), of an event (every link to it) or of a partner, from impressions to attendance. "
        + "Every link is a variant's or a partner's, so the totals are the sum of byPlatform and byPartner.")
public record Funnel(
        @Schema(description = "What the funnel is of", examples = "CAMPAIGN") Scope scope,
        @Schema(description = "The campaign's, event's or partner's id", examples = "7") long id,
        @Schema(description = "The campaign's or event's title, or the partner's name",
                examples = "Bulan Literasi Desember") String title,
        @Schema(description = "First day counted (WITA); null: from the start", nullable = true, examples = "2026-12-01")
        LocalDate from,
        @Schema(description = "Last day counted (WITA), inclusive; null: up to now", nullable = true,
                examples = "2026-12-31") LocalDate to,
        @Schema(examples = "Asia/Makassar") String timeZone,
        @Schema(description = "No rate is given on a base smaller than this", examples = "10") int minimumBase,
        Figures totals, Rates rates,
        @Schema(description = "The variants' links by platform") List<PlatformRow> byPlatform,
        @Schema(description = "Each variant with a link in the funnel, by id") List<VariantRow> byVariant,
        @Schema(description = "Each partner with a link in the funnel, by name") List<PartnerRow> byPartner,
        @Schema(description = "Each day (WITA) from the first to the last with a click, a registration or a joining; "
                + "impressions are not split by day") List<DayRow> byDay) {

    /** No percentage is shown on fewer than this many: a rate on a smaller base is null. */
    public static final int MINIMUM_BASE = 10;

    @Schema(name = "FunnelScope")
    public enum Scope {
        CAMPAIGN, EVENT, PARTNER
    }

    @Schema(name = "FunnelFigures")
    public record Figures(
            @Schema(description = "Each variant's latest metrics snapshot (a snapshot is cumulative, so the period "
                    + "does not cut it), summed over the distinct variants; null when none reported impressions, or "
                    + "where they do not apply (partners, days)", nullable = true, examples = "1200") Long impressions,
            @Schema(description = "Clicks by people on the links (bots apart)", examples = "96") long clicks,
            @Schema(description = "Requests by crawlers and link-preview fetchers, not counted as clicks",
                    examples = "14") long botClicks,
            @Schema(description = "Registrations made with one of the links' codes", examples = "31") long registrations,
            @Schema(description = "Of those, the ones that held a seat (at once or from the waitlist)",
                    examples = "28") long confirmed,
            @Schema(description = "Of those, the ones checked in", examples = "19") long attended,
            @Schema(description = "Challenge joinings made with one of the links' codes", examples = "4") long joined) {
    }

    @Schema(name = "FunnelRates", description = "Fractions (0.25 is 25 %); each null when its base is below 10")
    public record Rates(
            @Schema(description = "clicks ÷ impressions", nullable = true, examples = "0.08") Double clickThrough,
            @Schema(description = "registrations ÷ clicks", nullable = true, examples = "0.3229") Double registration,
            @Schema(description = "confirmed ÷ registrations", nullable = true, examples = "0.9032") Double confirmation,
            @Schema(description = "attended ÷ confirmed", nullable = true, examples = "0.6786") Double attendance) {

        static Rates of(Figures f) {
            return new Rates(f.impressions() == null ? null : rate(f.clicks(), f.impressions()),
                    rate(f.registrations(), f.clicks()), rate(f.confirmed(), f.registrations()),
                    rate(f.attended(), f.confirmed()));
        }

        /** part ÷ base, rounded to 4 places; null on a base below {@link #MINIMUM_BASE}. */
        static Double rate(long part, long base) {
            return base < MINIMUM_BASE ? null : Math.round(part * 10_000.0 / base) / 10_000.0;
        }
    }

    @Schema(name = "FunnelPlatformRow")
    public record PlatformRow(@Schema(examples = "INSTAGRAM") SocialPlatform platform, Figures totals, Rates rates) {
    }

    @Schema(name = "FunnelVariantRow")
    public record VariantRow(@Schema(examples = "31") long variantId, @Schema(examples = "12") long postId,
            @Schema(examples = "INSTAGRAM") SocialPlatform platform,
            @Schema(description = "The start of the variant's text (at most 80 characters)",
                    examples = "Yuk ikut Diskusi Buku Laskar Pelangi!") String excerpt,
            Figures totals, Rates rates) {
    }

    @Schema(name = "FunnelPartnerRow")
    public record PartnerRow(@Schema(examples = "3") long partnerId,
            @Schema(examples = "Komunitas Baca Banjarbaru") String name,
            @Schema(examples = "COMMUNITY") String kind, Figures totals, Rates rates) {
    }

    @Schema(name = "FunnelDayRow")
    public record DayRow(@Schema(examples = "2026-12-05") LocalDate day, Figures totals, Rates rates) {
    }
}
