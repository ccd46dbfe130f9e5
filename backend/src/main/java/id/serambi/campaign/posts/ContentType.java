package id.serambi.campaign.posts;

/** The kind of content a post carries. */
public enum ContentType {
    BOOK_REVIEW, QUOTE, INFOGRAPHIC, SHORT_VIDEO, EVENT_PROMO, CHALLENGE_UPDATE, EDUCATIONAL_TIP, ANNOUNCEMENT
}
