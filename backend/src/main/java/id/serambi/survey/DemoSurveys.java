package id.serambi.survey;

import io.smallrye.mutiny.Uni;

/** The demo surveys (Perpustakaan Kota Banjarbaru), for the demo feature's data. */
public interface DemoSurveys {

    /** A demo survey's id, and whether this call made it (then the demo attaches it where it belongs). */
    record Ensured(long id, boolean created) {
    }

    /**
     * The published "Umpan balik acara" survey the demo events ask after they end, made when no survey of that title
     * exists; idempotent.
     */
    Uni<Ensured> ensureEventFeedback();

    /**
     * The published, anonymous "Survei layanan perpustakaan" the library shares by link and QR code ("survei online":
     * what patrons use, how satisfied they are, what they wish for); idempotent.
     */
    Uni<Ensured> ensureLibrarySurvey();
}
