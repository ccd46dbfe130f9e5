package id.serambi.social;

/** Where a post variant goes out, with the platform's character limit and its name in the UI. */
public enum SocialPlatform {
    FACEBOOK(63_206, "Facebook"), INSTAGRAM(2_200, "Instagram"), X(280, "X");

    private final int limit;
    private final String label;

    SocialPlatform(int limit, String label) {
        this.limit = limit;
        this.label = label;
    }

    public int limit() {
        return limit;
    }

    public String label() {
        return label;
    }
}
