package id.serambi.event.catalogue;

/** Where an event takes place: online on one of these platforms, or in person at the library. */
public enum Platform {
    ZOOM("Zoom"), GOOGLE_MEET("Google Meet"), YOUTUBE_LIVE("YouTube Live"), FACEBOOK_LIVE("Facebook Live"),
    INSTAGRAM_LIVE("Instagram Live"), OTHER("Daring"), IN_PERSON("Di perpustakaan");

    private final String displayName;

    Platform(String displayName) {
        this.displayName = displayName;
    }

    /** The name patrons read in e-mails and calendars. */
    public String displayName() {
        return displayName;
    }

    /** Whether patrons come in person, so that a check-in QR code at the door makes sense. */
    public boolean inPerson() {
        return this == IN_PERSON;
    }
}
