package id.serambi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 22: clicks on one tracked link spread over two instances add up exactly. Each instance counts in memory and
 * adds its counts every second (serambi.links.flush-interval); the database's upsert adds both.
 */
class LinksTwoInstancesIT extends OnTwoInstances {

    private static final String PHONE = "Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/120.0.0.0 Mobile Safari/537.36";

    @Test
    void aThousandConcurrentClicksOverTwoInstancesAreExactlyAThousandWithinSeconds() throws Exception {
        String code = id.serambi.campaign.links.LinkCodes.generate();
        long link;
        try (Connection db = TwoInstances.database()) {
            long partner = TwoInstances.count(db, "INSERT INTO partner (name, kind) VALUES (?, 'INFLUENCER') RETURNING id",
                    "Kak Literasi " + code);
            link = TwoInstances.count(db, "INSERT INTO tracked_link (code, target_kind, partner_id) VALUES (?, 'HOME', ?) RETURNING id",
                    code, partner);
        }
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<HttpResponse<Void>>> clicks = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            URI uri = URI.create(pair.url(i % 2 == 0 ? pair.portA : pair.portB) + "/l/" + code);
            clicks.add(client.sendAsync(HttpRequest.newBuilder(uri).header("User-Agent", PHONE).build(),
                    HttpResponse.BodyHandlers.discarding()));
        }
        for (CompletableFuture<HttpResponse<Void>> click : clicks) {
            HttpResponse<Void> r = click.get(60, TimeUnit.SECONDS);
            assertEquals(302, r.statusCode());
            assertEquals("http://localhost:8080/?ref=" + code, r.headers().firstValue("Location").orElse(null));
        }
        long sent = System.nanoTime();
        long counted = 0;
        try (Connection db = TwoInstances.database()) {
            while (System.nanoTime() - sent < 10_000_000_000L) {
                counted = TwoInstances.count(db, "SELECT coalesce(sum(clicks), 0) FROM link_click WHERE link_id = ? AND NOT bot", link);
                if (counted >= 1000) {
                    break;
                }
                Thread.sleep(100);
            }
            System.out.printf("[it] 1,000 clicks over two instances: %d counted %d ms after the last answer%n", counted,
                    (System.nanoTime() - sent) / 1_000_000);
            assertEquals(1000, counted);
            Thread.sleep(2500); // two more flushes on each instance: nothing counted twice
            assertEquals(1000, TwoInstances.count(db, "SELECT coalesce(sum(clicks), 0) FROM link_click WHERE link_id = ?", link));
        }
    }
}
