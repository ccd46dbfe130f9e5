package id.serambi.event.catalogue;

/** Where an event takes place online. */
public enum Platform {
    ZOOM("Zoom"), GOOGLE_MEET("Google Meet"), YOUTUBE_LIVE("YouTube Live"), FACEBOOK_LIVE("Facebook Live"),
    INSTAGRAM_LIVE("Instagram Live"), OTHER("Daring");

    private final String displayName;

    Platform(String displayName) {
        this.displayName = displayName;
    }

    /** The name patrons read in e-mails and calendars. */
    public String displayName() {
        return displayName;
    }
}
