package id.serambi.media;

import static id.serambi.campaign.CampaignFixtures.post;
import static id.serambi.campaign.CampaignFixtures.variant;
import static id.serambi.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.serambi.campaign.CampaignFixtures;
import id.serambi.support.Accounts;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MediaLibraryTest {

    static final String NAME = "^https://serambi\\.test/media/[A-Za-z0-9_-]{32}\\.%s$";

    @Inject
    AgroalDataSource db;

    @ConfigProperty(name = "serambi.media.directory")
    String directory;

    /** Uploads a file and reads it back at its Location (it once said /api/api/media/7, a 404). */
    static JsonPath upload(String token, String fileName, byte[] bytes, String declaredType) {
        var created = given().auth().oauth2(token).multiPart("file", fileName, bytes, declaredType).post("/api/media")
                .then().statusCode(201).extract();
        String location = created.header("Location");
        assertNotNull(location, "a 201 without Location");
        assertEquals(created.jsonPath().getLong("id"), given().auth().oauth2(token).get(location).then().statusCode(200)
                .extract().jsonPath().getLong("id"), "GET " + location);
        return created.jsonPath();
    }

    static String path(String publicUrl) {
        return publicUrl.substring("https://serambi.test".length());
    }

    long storedFiles() throws IOException {
        Path dir = Path.of(directory);
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }

    @Test
    void eachTypeIsDetectedAndMeasuredFromItsBytesAndServedPublicly() {
        String staff = Accounts.tokenFor(db, "STAFF");
        byte[] jpeg = MediaFiles.jpeg(1080, 1080);
        JsonPath j = upload(staff, "poster literasi.jpg", jpeg, "image/jpeg");
        assertEquals("IMAGE", j.getString("kind"));
        assertEquals("image/jpeg", j.getString("contentType"));
        assertEquals("poster literasi.jpg", j.getString("fileName"));
        assertEquals(jpeg.length, j.getLong("sizeBytes"));
        assertEquals(1080, j.getInt("width"));
        assertEquals(1080, j.getInt("height"));
        assertEquals((Object) null, j.get("durationMs"));
        assertTrue(j.getString("publicUrl").matches(String.format(NAME, "jpg")), j.getString("publicUrl"));
        assertEquals(64, j.getString("sha256").length());

        // The declared type and the name are ignored: a PNG sent as "foto.jpg", image/jpeg is a PNG.
        JsonPath p = upload(staff, "foto.jpg", MediaFiles.png(640, 480), "image/jpeg");
        assertEquals("image/png", p.getString("contentType"));
        assertTrue(p.getString("publicUrl").matches(String.format(NAME, "png")));
        assertEquals(640, p.getInt("width"));
        assertEquals(480, p.getInt("height"));

        JsonPath w1 = upload(staff, "titik.webp", MediaFiles.webpLossless1x1(), "application/octet-stream");
        assertEquals("image/webp", w1.getString("contentType"));
        assertEquals(1, w1.getInt("width"));
        assertEquals(1, w1.getInt("height"));
        JsonPath w2 = upload(staff, "tegak.webp", MediaFiles.webpExtended(1080, 1350), "image/webp");
        assertEquals(1080, w2.getInt("width"));
        assertEquals(1350, w2.getInt("height"));

        byte[] mp4 = MediaFiles.mp4(1080, 1920, 12_500);
        JsonPath v = upload(staff, "reels.mp4", mp4, "video/mp4");
        assertEquals("VIDEO", v.getString("kind"));
        assertEquals("video/mp4", v.getString("contentType"));
        assertEquals(1080, v.getInt("width"));
        assertEquals(1920, v.getInt("height"));
        assertEquals(12_500, v.getLong("durationMs"));
        assertEquals(mp4.length, v.getLong("sizeBytes"));

        // Served without login, with its type, cached for good, never sniffed.
        byte[] served = given().get(path(j.getString("publicUrl"))).then().statusCode(200)
                .header("Content-Type", "image/jpeg")
                .header("Cache-Control", "public, max-age=31536000, immutable")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Length", String.valueOf(jpeg.length))
                .extract().asByteArray();
        assertArrayEquals(jpeg, served);
        given().head(path(v.getString("publicUrl"))).then().statusCode(200).header("Content-Type", "video/mp4");
        given().get(path(w2.getString("publicUrl"))).then().statusCode(200).header("Content-Type", "image/webp");

        // Listed newest first, filtered by kind; one by id.
        given().auth().oauth2(staff).get("/api/media?size=5").then().statusCode(200)
                .body("items[0].id", equalTo(v.getInt("id"))).body("items[1].id", equalTo(w2.getInt("id")))
                .body("size", equalTo(5));
        given().auth().oauth2(staff).get("/api/media?kind=VIDEO&size=100").then().statusCode(200)
                .body("items.kind", org.hamcrest.Matchers.everyItem(equalTo("VIDEO")))
                .body("items.id", hasItem(v.getInt("id")));
        given().auth().oauth2(staff).get("/api/media/" + p.getLong("id")).then().statusCode(200)
                .body("width", equalTo(640)).body("fileName", equalTo("foto.jpg"));
        assertProblem(given().auth().oauth2(staff).get("/api/media/999999999").then(), 404, "not-found");
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM media_file WHERE id = ? AND width = 1080 AND height = 1920 "
                + "AND duration_ms = 12500 AND kind = 'VIDEO'", v.getLong("id")));
    }

    @Test
    void anythingElseIs415ACorruptFileIs422AndNeitherLeavesARowOrAFile() throws IOException {
        String staff = Accounts.tokenFor(db, "STAFF");
        upload(staff, "warmup.png", MediaFiles.png(4, 4), "image/png");
        long rows = Accounts.count(db, "SELECT count(*) FROM media_file");
        long files = storedFiles();

        byte[] pdf = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF".getBytes(StandardCharsets.US_ASCII);
        assertProblem(given().auth().oauth2(staff).multiPart("file", "poster.jpg", pdf, "image/jpeg").post("/api/media")
                .then(), 415, "unsupported-media-type");
        byte[] html = "<!doctype html><script>alert(document.cookie)</script>".getBytes(StandardCharsets.UTF_8);
        assertProblem(given().auth().oauth2(staff).multiPart("file", "foto.jpg", html, "image/jpeg").post("/api/media")
                .then(), 415, "unsupported-media-type");
        // A HEIC photo is an ISO box file too, but not MP4.
        byte[] heic = MediaFiles.concat(MediaFiles.box("ftyp", "heic\0\0\0\0mif1heic".getBytes(StandardCharsets.US_ASCII)),
                MediaFiles.box("mdat", new byte[8]));
        assertProblem(given().auth().oauth2(staff).multiPart("file", "foto.mp4", heic, "video/mp4").post("/api/media")
                .then(), 415, "unsupported-media-type");

        byte[] brokenJpeg = new byte[200];
        brokenJpeg[0] = (byte) 0xFF;
        brokenJpeg[1] = (byte) 0xD8;
        brokenJpeg[2] = (byte) 0xFF;
        assertProblem(given().auth().oauth2(staff).multiPart("file", "rusak.jpg", brokenJpeg, "image/jpeg")
                .post("/api/media").then(), 422, "corrupt-media");
        assertProblem(given().auth().oauth2(staff).multiPart("file", "rusak.mp4", MediaFiles.mp4WithoutMoov(), "video/mp4")
                .post("/api/media").then(), 422, "corrupt-media").body("detail", containsString("moov"));
        byte[] truncated = MediaFiles.mp4(640, 360, 1000);
        truncated = java.util.Arrays.copyOf(truncated, 60);
        assertProblem(given().auth().oauth2(staff).multiPart("file", "potong.mp4", truncated, "video/mp4")
                .post("/api/media").then(), 422, "corrupt-media");
        byte[] badWebp = MediaFiles.webpExtended(10, 10);
        badWebp[12] = 'X';
        assertProblem(given().auth().oauth2(staff).multiPart("file", "aneh.webp", badWebp, "image/webp")
                .post("/api/media").then(), 422, "corrupt-media");

        assertProblem(given().auth().oauth2(staff).multiPart("file", "kosong.jpg", new byte[0], "image/jpeg")
                .post("/api/media").then(), 400, "empty-file");
        assertProblem(given().auth().oauth2(staff).multiPart("other", "x.jpg", MediaFiles.jpeg(4, 4), "image/jpeg")
                .post("/api/media").then(), 400, "validation").body("errors[0].field", equalTo("file"));

        assertEquals(rows, Accounts.count(db, "SELECT count(*) FROM media_file"));
        assertEquals(files, storedFiles(), "no file (nor temporary file) is left behind");
    }

    @Test
    void onlyStaffUploadAndListButEveryoneFetchesByTheUnguessableName() {
        byte[] jpeg = MediaFiles.jpeg(8, 8);
        assertProblem(given().multiPart("file", "a.jpg", jpeg, "image/jpeg").post("/api/media").then(), 401,
                "unauthenticated");
        String member = Accounts.tokenFor(db, "MEMBER");
        assertProblem(given().auth().oauth2(member).multiPart("file", "a.jpg", jpeg, "image/jpeg").post("/api/media")
                .then(), 403, "forbidden");
        assertProblem(given().auth().oauth2(member).get("/api/media").then(), 403, "forbidden");
        String lister = Accounts.tokenFor(db, "STAFF");
        for (String parameter : List.of("page", "size")) {
            assertProblem(given().auth().oauth2(lister).get("/api/media?" + parameter + "=abc").then(), 400, "validation")
                    .body("errors[0].field", equalTo(parameter));
        }
        assertProblem(given().auth().oauth2(lister).get("/api/media?kind=AUDIO").then(), 400, "validation")
                .body("errors[0].field", equalTo("kind"));
        String reviewer = Accounts.tokenFor(db, "REVIEWER");
        assertProblem(given().auth().oauth2(reviewer).delete("/api/media/1").then(), 403, "forbidden");

        String staff = Accounts.tokenFor(db, "STAFF");
        String url = upload(staff, "a.jpg", jpeg, "image/jpeg").getString("publicUrl");
        String name = url.substring(url.lastIndexOf('/') + 1);
        // Another name of the right shape is not there; nothing else under /media/ reaches the disk, nor the SPA.
        String other = (name.charAt(0) == 'A' ? 'B' : 'A') + name.substring(1);
        for (String attempt : List.of("/media/" + other, "/media/", "/media/abc.jpg",
                "/media/..%2F..%2Fpom.xml", "/media/%2e%2e%2f%2e%2e%2fpom.xml", "/media/..%5C..%5Cpom.xml",
                "/media/" + name.replace(".jpg", ".png"), "/media/" + name + "%00.html", "/media/" + name + "/x",
                "/media/.upload-" + name)) {
            given().accept("text/html").get(attempt).then().statusCode(404)
                    .header("Content-Type", containsString("application/problem+json"));
        }
        // A plain ../ is resolved by the router before any handler: it never names a stored file.
        given().get("/media/../../pom.xml").then().statusCode(404);
    }

    @Test
    void concurrentUploadsGetTheirOwnNamesAndRows() throws Exception {
        String staff = Accounts.tokenFor(db, "STAFF");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<JsonPath>> uploads = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                int size = 10 + i;
                uploads.add(() -> upload(staff, "sama.jpg", MediaFiles.jpeg(size, size), "image/jpeg"));
            }
            Set<String> urls = new HashSet<>();
            for (Future<JsonPath> f : pool.invokeAll(uploads)) {
                JsonPath j = f.get();
                urls.add(j.getString("publicUrl"));
                int size = j.getInt("width");
                byte[] served = given().get(path(j.getString("publicUrl"))).then().statusCode(200).extract().asByteArray();
                assertEquals(j.getLong("sizeBytes"), served.length);
                assertEquals(size, j.getInt("height"));
            }
            assertEquals(16, urls.size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void postsCarryOrderedMediaAndSubmitChecksEachPlatformsRules() {
        String staff = Accounts.tokenFor(db, "STAFF");
        long square = upload(staff, "persegi.jpg", MediaFiles.jpeg(1080, 1080), "image/jpeg").getLong("id");
        long story = upload(staff, "story.jpg", MediaFiles.jpeg(1080, 1920), "image/jpeg").getLong("id");
        long png = upload(staff, "tabel.png", MediaFiles.png(1200, 675), "image/png").getLong("id");

        // Instagram without media: shown on the post, and submit is a 422 naming the variant; nothing changes.
        Map<String, Object> bareBody = post(variant("INSTAGRAM", "Ayo ke perpustakaan!", null));
        bareBody.remove("mediaIds");
        long bare = CampaignFixtures.createPost(staff, bareBody);
        given().auth().oauth2(staff).get("/api/posts/" + bare).then().statusCode(200)
                .body("media", empty())
                .body("mediaCheck[0].platform", equalTo("INSTAGRAM"))
                .body("mediaCheck[0].problems", contains("Instagram memerlukan setidaknya satu gambar atau video."));
        assertProblem(given().auth().oauth2(staff).post("/api/posts/" + bare + "/submit").then(), 422, "media-rules")
                .body("errors[0].field", equalTo("variants[0].media"))
                .body("errors[0].message", equalTo("Instagram memerlukan setidaknya satu gambar atau video."));
        given().auth().oauth2(staff).get("/api/posts/" + bare).then().body("status", equalTo("DRAFT")).body("version", equalTo(0));

        // A 1:1 JPEG passes; order is kept.
        Map<String, Object> body = post(variant("INSTAGRAM", "Ayo ke perpustakaan!", null), variant("FACEBOOK", "Ayo!", null));
        body.put("mediaIds", List.of(square, png));
        JsonPath created = given().auth().oauth2(staff).contentType(ContentType.JSON).body(body).post("/api/posts")
                .then().statusCode(201).extract().jsonPath();
        long id = created.getLong("id");
        assertEquals(List.of((int) square, (int) png), created.getList("media.id"));
        assertEquals(List.of(1080, 1200), created.getList("media.width"));
        assertTrue(created.getString("media[0].publicUrl").matches(String.format(NAME, "jpg")));
        // Instagram takes JPEG only: the PNG is named.
        assertEquals(List.of(), created.getList("mediaCheck.find { it.platform == 'FACEBOOK' }.problems"));
        given().auth().oauth2(staff).get("/api/posts/" + id).then()
                .body("mediaCheck.find { it.platform == 'INSTAGRAM' }.problems[0]", containsString("image/png"));

        // Reordered, the PNG dropped: the PUT keeps the order; omitting mediaIds keeps the media.
        body.put("mediaIds", List.of(square));
        given().auth().oauth2(staff).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body)
                .put("/api/posts/" + id).then().statusCode(200).body("media.id", contains((int) square));
        body.remove("mediaIds");
        given().auth().oauth2(staff).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(body)
                .put("/api/posts/" + id).then().statusCode(200).body("media.id", contains((int) square));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM post_media WHERE post_id = ?", id));
        given().auth().oauth2(staff).post("/api/posts/" + id + "/submit").then().statusCode(200)
                .body("status", equalTo("IN_REVIEW"));

        // A 9:16 image: the aspect message.
        Map<String, Object> tall = post(variant("INSTAGRAM", "Cerita hari ini", null));
        tall.put("mediaIds", List.of(story));
        long tallId = CampaignFixtures.createPost(staff, tall);
        assertProblem(given().auth().oauth2(staff).post("/api/posts/" + tallId + "/submit").then(), 422, "media-rules")
                .body("errors[0].field", equalTo("variants[0].media"))
                .body("errors[0].message", equalTo("\"story.jpg\" berukuran 1080×1920: Instagram memerlukan rasio antara "
                        + "4:5 (tegak) dan 1,91:1 (melebar)."));

        // X with 5 images (variants in the order the post shows them: FACEBOOK, INSTAGRAM, X).
        List<Long> five = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            five.add(upload(staff, "foto" + i + ".jpg", MediaFiles.jpeg(1080, 1080), "image/jpeg").getLong("id"));
        }
        Map<String, Object> x = post(variant("X", "Lima foto", null), variant("FACEBOOK", "Lima foto", null));
        x.put("mediaIds", five);
        long xId = CampaignFixtures.createPost(staff, x);
        assertProblem(given().auth().oauth2(staff).post("/api/posts/" + xId + "/submit").then(), 422, "media-rules")
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("variants[1].media"))
                .body("errors[0].message", equalTo("X menerima paling banyak 4 berkas per unggahan (ada 5)."));

        // The live check, before saving.
        given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("mediaIds", List.of(story), "platforms", List.of("INSTAGRAM", "X")))
                .post("/api/posts/media-check").then().statusCode(200)
                .body("[0].platform", equalTo("INSTAGRAM")).body("[0].problems[0]", containsString("4:5"))
                .body("[1].platform", equalTo("X")).body("[1].problems", empty());

        // Unknown, duplicate and too many files are 400s on mediaIds; nothing is created.
        long posts = Accounts.count(db, "SELECT count(*) FROM post");
        Map<String, Object> unknown = post(variant("X", "Hilang", null));
        unknown.put("mediaIds", List.of(square, 999_999_999L));
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).body(unknown).post("/api/posts").then(),
                400, "validation").body("errors[0].field", equalTo("mediaIds"));
        unknown.put("mediaIds", List.of(square, square));
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).body(unknown).post("/api/posts").then(),
                400, "validation").body("errors[0].field", equalTo("mediaIds"));
        List<Long> eleven = new ArrayList<>(five);
        eleven.addAll(five);
        eleven.add(square);
        unknown.put("mediaIds", eleven);
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).body(unknown).post("/api/posts").then(),
                400, "validation");
        assertEquals(posts, Accounts.count(db, "SELECT count(*) FROM post"));

        // A file on a post in review stays (409); on a draft it goes, and the draft loses it, bytes and all.
        assertProblem(given().auth().oauth2(staff).delete("/api/media/" + square).then(), 409, "media-in-use")
                .body("detail", containsString("post " + id));
        String storyUrl = given().auth().oauth2(staff).get("/api/media/" + story).then().extract().path("publicUrl");
        given().auth().oauth2(staff).delete("/api/media/" + story).then().statusCode(204);
        given().auth().oauth2(staff).get("/api/posts/" + tallId).then().body("media", empty());
        given().get(path(storyUrl)).then().statusCode(404);
        assertProblem(given().auth().oauth2(staff).delete("/api/media/" + story).then(), 404, "not-found");
    }

    @Test
    void exportListsMyUploadsAndErasureForgetsTheUploaderButKeepsTheFile() {
        String email = Accounts.uniqueEmail("unggah");
        long userId = Accounts.register(email);
        Accounts.sql(db, "UPDATE app_user SET role = 'STAFF' WHERE id = ?", userId);
        String token = Accounts.login(email, Accounts.PASSWORD);
        long id = upload(token, "kegiatan.jpg", MediaFiles.jpeg(100, 100), "image/jpeg").getLong("id");
        given().auth().oauth2(token).get("/api/me/export").then().statusCode(200)
                .body("mediaUploads[0].id", equalTo((int) id))
                .body("mediaUploads[0].fileName", equalTo("kegiatan.jpg"))
                .body("mediaUploads[0].publicUrl", matchesPattern(String.format(NAME, "jpg")));
        given().auth().oauth2(token).delete("/api/me").then().statusCode(204);
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM media_file WHERE id = ? AND uploaded_by IS NULL", id));
        String staff = Accounts.tokenFor(db, "STAFF");
        given().auth().oauth2(staff).get("/api/media/" + id).then().statusCode(200).body("uploadedBy", nullValue());
        assertNotEquals(0, id);
    }
}
