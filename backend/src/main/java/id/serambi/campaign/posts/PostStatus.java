package id.serambi.campaign.posts;

/** The review workflow: DRAFT → IN_REVIEW → APPROVED → SCHEDULED → PUBLISHED; a rejection goes back to DRAFT. */
public enum PostStatus {
    DRAFT, IN_REVIEW, APPROVED, SCHEDULED, PUBLISHED
}
