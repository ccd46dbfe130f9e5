package id.serambi.event;

/** Where an event takes place online. */
public enum Platform {
    ZOOM, GOOGLE_MEET, YOUTUBE_LIVE, FACEBOOK_LIVE, INSTAGRAM_LIVE, OTHER
}
