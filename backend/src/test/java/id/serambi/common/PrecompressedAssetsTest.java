package id.serambi.common;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import java.io.InputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** B7 (issue 17 point 1): browsers that accept brotli get the build's .br files of the hashed scripts and stylesheets. */
@QuarkusTest
class PrecompressedAssetsTest {

    private static final RestAssuredConfig RAW = RestAssuredConfig.config()
            .decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());

    @Test
    void aBrowserThatAcceptsBrotliGetsTheBuildsBrotliFileOthersThePlainOne() throws Exception {
        String html = given().get("/").then().statusCode(200).extract().asString();
        Matcher script = Pattern.compile("/assets/[\\w.-]+\\.js").matcher(html);
        assertTrue(script.find(), "index.html names a script");
        String path = script.group();
        byte[] br;
        try (InputStream in = Thread.currentThread().getContextClassLoader()
                .getResourceAsStream("META-INF/resources" + path + ".br")) {
            assertTrue(in != null, "the build wrote " + path + ".br");
            br = in.readAllBytes();
        }

        Response brotli = given().config(RAW).header("Accept-Encoding", "gzip, deflate, br, zstd").get(path);
        assertEquals(200, brotli.statusCode());
        assertEquals("br", brotli.header("Content-Encoding"));
        assertTrue(brotli.header("Vary").toLowerCase().contains("accept-encoding"));
        assertTrue(brotli.header("Content-Type").startsWith("text/javascript"));
        assertEquals("public, max-age=31536000, immutable", brotli.header("Cache-Control"));
        assertArrayEquals(br, brotli.asByteArray());

        Response gzip = given().config(RAW).header("Accept-Encoding", "gzip").get(path);
        assertEquals(200, gzip.statusCode());
        assertNotEquals("br", gzip.header("Content-Encoding"));
        Response refused = given().config(RAW).header("Accept-Encoding", "br;q=0, gzip").get(path);
        assertNotEquals("br", refused.header("Content-Encoding"));
    }

    @Test
    void readsAcceptEncoding() {
        assertTrue(PrecompressedAssets.acceptsBrotli("gzip, deflate, br, zstd"));
        assertTrue(PrecompressedAssets.acceptsBrotli("BR;q=0.5"));
        assertFalse(PrecompressedAssets.acceptsBrotli("br;q=0"));
        assertFalse(PrecompressedAssets.acceptsBrotli("gzip, brotli"));
        assertFalse(PrecompressedAssets.acceptsBrotli(null));
    }
}
