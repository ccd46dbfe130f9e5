// The LISTEN side of bench/notify.sh: one connection (pgjdbc, as the app's one Vert.x LISTEN connection), counting
// what it receives. Usage: java -cp postgresql.jar Listener.java URL CHANNEL SECONDS [MICROS_PER_NOTIFICATION]
// With MICROS_PER_NOTIFICATION > 0 it is a slow listener: it spends that long on each notification (busy wait).
// A payload that starts with digits is the sender's clock_timestamp() in microseconds since the epoch: the delay from
// that to its arrival is recorded (same host, same clock). Prints one line per second ("t received total") and a
// last line "total N bytes B p50_ms X p99_ms Y max_ms Z".
import java.sql.Connection;
import java.sql.DriverManager;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

public class Listener {
    static double at(long[] sorted, double q) {
        return sorted.length == 0 ? 0.0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))] / 1000.0;
    }

    public static void main(String[] args) throws Exception {
        String url = args[0], channel = args[1];
        long seconds = Long.parseLong(args[2]);
        long micros = args.length > 3 ? Long.parseLong(args[3]) : 0;
        try (Connection c = DriverManager.getConnection(url)) {
            c.createStatement().execute("LISTEN " + channel);
            System.out.println("listening");
            System.out.flush();
            PGConnection pg = c.unwrap(PGConnection.class);
            long start = System.nanoTime(), end = start + seconds * 1_000_000_000L, nextTick = start + 1_000_000_000L;
            long total = 0, bytes = 0, lastTotal = 0;
            long[] delays = new long[1 << 20];
            int counted = 0;
            while (System.nanoTime() < end) {
                PGNotification[] got = pg.getNotifications(100);
                if (got != null) {
                    for (PGNotification n : got) {
                        total++;
                        String p = n.getParameter();
                        bytes += p.length();
                        int digits = 0;
                        while (digits < p.length() && digits < 19 && Character.isDigit(p.charAt(digits))) digits++;
                        if (digits >= 16) {
                            long sent = Long.parseLong(p.substring(0, digits));
                            java.time.Instant at = java.time.Instant.now();
                            long now = at.getEpochSecond() * 1_000_000 + at.getNano() / 1000;
                            if (counted == delays.length) delays = java.util.Arrays.copyOf(delays, counted * 2);
                            delays[counted++] = Math.max(0, now - sent);
                        }
                        if (micros > 0) {
                            long until = System.nanoTime() + micros * 1000;
                            while (System.nanoTime() < until) { Thread.onSpinWait(); }
                        }
                    }
                }
                if (System.nanoTime() >= nextTick) {
                    System.out.printf("%d %d %d%n", (nextTick - start) / 1_000_000_000L, total - lastTotal, total);
                    System.out.flush();
                    lastTotal = total;
                    nextTick += 1_000_000_000L;
                }
            }
            long[] d = java.util.Arrays.copyOf(delays, counted);
            java.util.Arrays.sort(d);
            System.out.printf("total %d bytes %d p50_ms %.1f p99_ms %.1f max_ms %.1f%n", total, bytes,
                    at(d, 0.50), at(d, 0.99), d.length == 0 ? 0.0 : d[d.length - 1] / 1000.0);
        }
    }
}
