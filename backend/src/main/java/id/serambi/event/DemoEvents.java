package id.serambi.event;

import io.smallrye.mutiny.Uni;

/** The demo events (Perpustakaan Kota Banjarbaru), for the demo feature's data. */
public interface DemoEvents {

    /** Makes the demo events and series that do not exist yet (by title); idempotent. */
    Uni<Void> ensure();
}
