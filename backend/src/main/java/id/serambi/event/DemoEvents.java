package id.serambi.event;

import io.smallrye.mutiny.Uni;

/** The demo events (Perpustakaan Kota Banjarbaru), for the demo feature's data. */
public interface DemoEvents {

    /** Makes the demo events and series that do not exist yet (by title); idempotent. */
    Uni<Void> ensure();

    /**
     * Attaches this survey as the feedback survey of the demo events that have none (the demo's "Umpan balik acara",
     * right after it was made); how many events it was attached to.
     */
    Uni<Integer> attachFeedbackSurvey(long surveyId);
}
