package id.serambi.campaign.planning;

/**
 * A KPI a campaign can target. IMPRESSIONS, ENGAGEMENTS and CLICKS are sums over the campaign's published variants;
 * REACH is the average reach per variant (reach is never summed); ENGAGEMENT_RATE is engagements ÷ impressions as a
 * fraction (0.05 = 5 %); POSTS counts published variants.
 */
public enum KpiMetric {
    IMPRESSIONS, REACH, ENGAGEMENTS, ENGAGEMENT_RATE, CLICKS, POSTS
}
