package id.serambi.campaign.planning;

import id.serambi.social.SocialPlatform;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Campaigns as the API sees them. */
public final class CampaignDtos {

    private CampaignDtos() {
    }

    @Schema(name = "CampaignRequest")
    public record CampaignRequest(
            @NotBlank @Size(max = 200) @Schema(examples = "Kampanye Literasi Digital: Waspada Hoaks") String title,
            @Size(max = 5000) @Schema(examples = "Mengajak remaja Banjarbaru memeriksa kebenaran informasi sebelum membagikannya")
            String goal,
            @NotNull @Schema(examples = "CYBER_SAFETY") CampaignTheme theme,
            @NotNull @Schema(examples = "2026-11-01") LocalDate startsOn,
            @NotNull @Schema(examples = "2026-11-30") LocalDate endsOn,
            @Size(max = 3) List<@NotNull SocialPlatform> platforms,
            @Size(max = 6) List<@NotNull @Valid KpiTarget> kpiTargets) {
    }

    @Schema(name = "KpiTarget", description = "REACH is an average per post (reach is never summed); ENGAGEMENT_RATE a fraction (0.05 = 5 %)")
    public record KpiTarget(
            @NotNull @Schema(examples = "IMPRESSIONS") KpiMetric metric,
            @NotNull @Positive @Digits(integer = 12, fraction = 4) @Schema(examples = "10000") BigDecimal target) {
    }

    @Schema(name = "Campaign")
    public record CampaignView(long id, String title, String goal, CampaignTheme theme, LocalDate startsOn,
            LocalDate endsOn, List<SocialPlatform> platforms, List<KpiTarget> kpiTargets,
            @Schema(description = "Posts linked to the campaign") long posts, int version, Instant createdAt,
            Instant updatedAt) {

        static CampaignView of(Campaign c, List<CampaignKpi> kpis, long posts) {
            return new CampaignView(c.id, c.title, c.goal, c.theme, c.startsOn, c.endsOn,
                    java.util.Arrays.stream(c.platforms).map(SocialPlatform::valueOf).toList(),
                    kpis.stream().map(k -> new KpiTarget(k.metric, k.target.stripTrailingZeros())).toList(), posts,
                    c.version, c.createdAt, c.updatedAt);
        }
    }
}
