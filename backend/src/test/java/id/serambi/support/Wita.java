package id.serambi.support;

import java.time.ZoneId;

/** The library's time zone in the tests (Banjarbaru: Waktu Indonesia Tengah, UTC+8). */
public final class Wita {

    public static final ZoneId ZONE = ZoneId.of("Asia/Makassar");

    private Wita() {
    }
}
