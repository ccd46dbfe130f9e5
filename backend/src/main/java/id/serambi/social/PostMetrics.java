package id.serambi.social;

/**
 * A post's figures as its platform reports them, in the model the CSV import fills ({@code variant_metric}); null
 * where the platform does not report that figure.
 */
public record PostMetrics(Long impressions, Long reach, Long reactions, Long comments, Long shares, Long saves,
        Long clicks, Long videoViews) {
}
