package id.serambi.it;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Two real backend processes (the packaged jar) on one PostgreSQL database, as two replicas behind a load balancer
 * would be. The first cleans and migrates the database; both use the signing key kept in it.
 */
final class TwoInstances implements AutoCloseable {

    /** Ports and database can be moved (-Dserambi.it.port-a=..., -Dserambi.it.db=...) to run beside another run. */
    static final String DB = System.getProperty("serambi.it.db", "serambi_test2");
    static final int PORT_A = Integer.getInteger("serambi.it.port-a", 8091);
    static final int PORT_B = Integer.getInteger("serambi.it.port-b", 8092);
    static final String ADMIN_EMAIL = "admin@it.serambi.id";
    static final String ADMIN_PASSWORD = "it-admin-password-1";

    final int portA;
    final int portB;
    private final List<Process> processes = new ArrayList<>();
    /** More environment for both instances (e.g. the platforms' stand-in, the publishing job's pace). */
    private final Map<String, String> extraEnv;

    private TwoInstances(int portA, int portB, Map<String, String> extraEnv) {
        this.portA = portA;
        this.portB = portB;
        this.extraEnv = extraEnv;
    }

    static TwoInstances start(int portA, int portB) throws Exception {
        return start(portA, portB, Map.of());
    }

    static TwoInstances start(int portA, int portB, Map<String, String> extraEnv) throws Exception {
        TwoInstances pair = new TwoInstances(portA, portB, extraEnv);
        try {
            pair.launch("a", portA, true);
            pair.launch("b", portB, false);
        } catch (Exception e) {
            pair.close();
            throw e;
        }
        return pair;
    }

    private void launch(String name, int port, boolean clean) throws Exception {
        File jar = new File(System.getProperty("serambi.jar", "target/quarkus-app/quarkus-run.jar"));
        if (!jar.isFile()) {
            throw new IllegalStateException("Package the backend first: " + jar.getAbsolutePath() + " is missing");
        }
        File logs = new File("target/it-logs");
        logs.mkdirs();
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                // A packaged app drops e-mail while the mock mailer is on, each one a DEBUG line of MailOut: here
                // those lines are the outbox the test reads.
                "-Xmx384m", "-Dquarkus.log.category.\"id.serambi.common.MailOut\".level=DEBUG", "-jar",
                jar.getAbsolutePath());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort(port)));
        // The packaged jar runs in production: it needs the public URL and the key that encrypts the stored JWT key.
        env.put("SERAMBI_PUBLIC_URL", "http://localhost:8080");
        env.put("SERAMBI_JWT_KEY_ENCRYPTION_KEY", "aXQtb25seS1rZXktZm9yLXR3by1pbnN0YW5jZXMtMzI=");
        env.put("SERAMBI_SURVEYS_FORM_SECRET", "it-only-survey-form-secret-for-two-instances");
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://127.0.0.1:5432/" + DB);
        env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/" + DB);
        // Issue 17 point 16: two instances at the default 20 (+2 for Flyway) held 44 connections of PostgreSQL's 100;
        // at 8 (+2) the two stay at 20, and `./mvnw verify` under 30 (RELIABILITY.md).
        env.put("QUARKUS_DATASOURCE_REACTIVE_MAX_SIZE", "8");
        env.put("QUARKUS_FLYWAY_CLEAN_AT_START", String.valueOf(clean));
        env.put("QUARKUS_FLYWAY_CLEAN_DISABLED", "false");
        env.put("SERAMBI_ADMIN_EMAIL", ADMIN_EMAIL);
        env.put("SERAMBI_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("SERAMBI_DEMO_ENABLED", "false");
        env.put("QUARKUS_MAILER_MOCK", "true"); // MailOut logs every dropped e-mail: the logs are the outbox
        // 200 registrations from one address within seconds: a capacity test, not a rate-limit test.
        env.put("SERAMBI_RATE_LIMIT_ENABLED", "false");
        // Both instances run the reminder job every second, so they really compete for the same reminders.
        env.put("SERAMBI_EVENTS_REMINDER_EVERY", "1s");
        env.put("SERAMBI_EVENTS_REMINDER_DELAY", "1s");
        env.putAll(extraEnv);
        builder.redirectErrorStream(true).redirectOutput(new File(logs, "instance-" + name + ".log"));
        processes.add(builder.start());
        awaitReady(port);
    }

    /** Health and metrics are on the management interface: the API port plus 1000 (8091 → 9091). */
    static int managementPort(int port) {
        return port + 1000;
    }

    private static void awaitReady(int port) throws Exception {
        int seconds = Integer.getInteger("serambi.it.ready-seconds", 90); // more on a busy machine
        Instant deadline = Instant.now().plus(Duration.ofSeconds(seconds));
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + managementPort(port) + "/q/health/ready")
                        .toURL().openConnection();
                c.setConnectTimeout(500);
                c.setReadTimeout(2000);
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Instance on port " + port + " was not ready within " + seconds
                + " s; see target/it-logs");
    }

    /** Everything an instance ("a" or "b") has logged so far. */
    static String log(String name) throws IOException {
        return java.nio.file.Files.readString(new File("target/it-logs/instance-" + name + ".log").toPath());
    }

    /** kill -9 of the instance with this process id: no shutdown hook, no chance to finish what it was doing. */
    void kill(long pid) throws InterruptedException {
        Process p = processes.stream().filter(x -> x.pid() == pid).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no instance with pid " + pid));
        p.destroyForcibly(); // SIGKILL on Linux
        p.waitFor();
    }

    String url(int port) {
        return "http://127.0.0.1:" + port;
    }

    String adminToken(int port) {
        return given().baseUri(url(port)).contentType(ContentType.JSON)
                .body(Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD))
                .post("/api/auth/login").then().statusCode(200)
                .extract().jsonPath().getString("token");
    }

    /** An event created on instance A and published on B (a Zoom seminar, two hours). */
    long publishedEvent(String title, java.time.Instant startsAt, int capacity) {
        String staff = adminToken(portA);
        java.time.Instant start = startsAt.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        Map<String, Object> event = Map.of("title", title,
                "description", "Bersama pustakawan Perpustakaan Kota Banjarbaru.",
                "type", "SEMINAR", "audience", "ALL", "language", "id",
                "startsAt", start.toString(), "endsAt", start.plus(2, java.time.temporal.ChronoUnit.HOURS).toString(),
                "platform", "ZOOM", "joinUrl", "https://zoom.us/j/9876543210", "capacity", capacity);
        long id = given().baseUri(url(portA)).auth().oauth2(staff).contentType(ContentType.JSON)
                .body(event).post("/api/events").then().statusCode(201).extract().jsonPath().getLong("id");
        given().baseUri(url(portB)).auth().oauth2(staff).post("/api/events/" + id + "/publish")
                .then().statusCode(200);
        return id;
    }

    /** A JDBC connection to the instances' database, for checking what they wrote. */
    static java.sql.Connection database() throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + DB, "serambi", "serambi");
    }

    /** The first column of the first row of a query (a count, an id), 0 without a row. */
    static long count(java.sql.Connection db, String sql, Object... args) throws java.sql.SQLException {
        try (java.sql.PreparedStatement s = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (java.sql.ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : 0;
            }
        }
    }

    @Override
    public void close() {
        for (Process p : processes) {
            p.destroy();
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
