package id.serambi.campaign.links;

/** Where a tracked link leads: an event's page, a challenge's page, a survey's page, or the home page. */
public enum TargetKind {
    EVENT("/acara/"),
    CHALLENGE("/tantangan/"),
    SURVEY("/survei/"),
    HOME("/");

    private final String path;

    TargetKind(String path) {
        this.path = path;
    }

    /** The SPA's page of the target on the public URL ({@code /acara/12}; {@code /} for HOME). */
    public String page(Long targetId) {
        return this == HOME ? path : path + targetId;
    }

    /** The kind whose page path segment this is ({@code acara}, {@code tantangan}, {@code survei}), or null. */
    static TargetKind ofSegment(String segment) {
        for (TargetKind kind : values()) {
            if (kind != HOME && kind.path.equals("/" + segment + "/")) {
                return kind;
            }
        }
        return null;
    }
}
