package id.serambi.support;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A plain Server-Sent Events reader for tests: collects data lines and comments until closed. */
public final class SseClient implements AutoCloseable {

    public record Event(String name, String data, boolean comment, long receivedNanos) {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Thread reader;
    private volatile java.io.InputStream body;
    public volatile int status;
    public volatile String contentType;

    public SseClient(String url) {
        this(url, java.util.Map.of());
    }

    /** With request headers, e.g. {@code Authorization: Bearer ...} for a stream that needs a login. */
    public SseClient(String url, java.util.Map<String, String> headers) {
        reader = new Thread(() -> read(url, headers), "sse-test-client");
        reader.setDaemon(true);
        reader.start();
    }

    private void read(String url, java.util.Map<String, String> headers) {
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
            headers.forEach(request::header);
            HttpResponse<java.io.InputStream> response = client.send(request.build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            status = response.statusCode();
            contentType = response.headers().firstValue("Content-Type").orElse("");
            body = response.body();
            BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
            String name = "message";
            StringBuilder data = new StringBuilder();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith(":")) {
                    events.add(new Event(null, line.substring(1).strip(), true, System.nanoTime()));
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                } else if (line.isEmpty() && !data.isEmpty()) {
                    events.add(new Event(name, data.toString(), false, System.nanoTime()));
                    name = "message";
                    data.setLength(0);
                }
            }
        } catch (Exception e) {
            // closed
        }
    }

    /** The next data event (skipping comments), or null after the timeout. */
    public Event nextData(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            Event e = events.poll(left, TimeUnit.NANOSECONDS);
            if (e == null || !e.comment()) {
                return e;
            }
        }
    }

    /** The next comment (heartbeat), skipping data, or null after the timeout. */
    public Event nextComment(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            Event e = events.poll(left, TimeUnit.NANOSECONDS);
            if (e == null || e.comment()) {
                return e;
            }
        }
    }

    @Override
    public void close() {
        try {
            if (body != null) {
                body.close();
            }
        } catch (Exception ignored) {
            // already closed
        }
        reader.interrupt();
    }
}
