package id.serambi.campaign.analytics;

/**
 * The one definition of engagement: engagements = reactions + comments + shares + saves + clicks (missing numbers
 * count 0), and engagement rate = engagements ÷ impressions, null when there are no impressions. Video views are
 * reported but are not engagements.
 */
public final class Engagement {

    private Engagement() {
    }

    public static long engagements(Long reactions, Long comments, Long shares, Long saves, Long clicks) {
        return n(reactions) + n(comments) + n(shares) + n(saves) + n(clicks);
    }

    public static Double rate(long engagements, long impressions) {
        return impressions <= 0 ? null : (double) engagements / impressions;
    }

    static long n(Long value) {
        return value == null ? 0 : value;
    }
}
