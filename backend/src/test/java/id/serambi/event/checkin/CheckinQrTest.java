package id.serambi.event.checkin;

import static id.serambi.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import id.serambi.event.EventFixtures;
import id.serambi.support.Accounts;
import id.serambi.support.Staff;
import id.serambi.support.ManageLinks;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** A confirmed patron's QR code carries the staff check-in link; scanning it checks them in. */
@QuarkusTest
class CheckinQrTest {

    @Inject
    AgroalDataSource db;

    @Test
    void theQrCodeChecksAConfirmedPatronIn() throws Exception {
        String staff = Staff.token();
        Map<String, Object> body = EventFixtures.body(EventFixtures.uniqueDay());
        body.put("capacity", 1);
        body.put("platform", "IN_PERSON"); // only an event held in person has a check-in code
        body.put("joinUrl", "https://maps.app.goo.gl/perpustakaan-banjarbaru");
        long id = EventFixtures.published(staff, body);
        var confirmed = ManageLinks.register(id,
                Map.of("name", "Siti Rahmah", "email", Accounts.uniqueEmail("qr"), "whatsapp", "+6281234567890"));
        String token = confirmed.getString("manageToken");
        var waiting = EventFixtures.register(id, "Ahmad Fauzi", Accounts.uniqueEmail("qr-tunggu"));

        String wa = given().get("/api/registrations/" + token).then().statusCode(200)
                .body("qrCodeUrl", equalTo("/api/registrations/" + token + "/qr.png"))
                .body("whatsappConfirmationUrl", startsWith("https://wa.me/6281234567890?text="))
                .extract().jsonPath().getString("whatsappConfirmationUrl");
        String text = URLDecoder.decode(wa.substring(wa.indexOf("text=") + 5), StandardCharsets.UTF_8);
        assertTrue(text.contains("Siti Rahmah") && text.contains("terdaftar") && text.contains(token), text);
        given().get("/api/registrations/" + waiting.getString("manageToken")).then().statusCode(200)
                .body("qrCodeUrl", nullValue()).body("whatsappConfirmationUrl", nullValue());

        byte[] png = given().get("/api/registrations/" + token + "/qr.png").then().statusCode(200)
                .contentType("image/png").extract().asByteArray();
        String link = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new BufferedImageLuminanceSource(ImageIO.read(new ByteArrayInputStream(png)))))).getText();
        assertTrue(link.startsWith("https://serambi.test/staf/acara/" + id + "/hadir?kode="), link);
        String code = link.substring(link.indexOf("kode=") + 5);

        assertProblem(given().get("/api/registrations/" + waiting.getString("manageToken") + "/qr.png").then(), 409, "no-seat");
        String member = Accounts.tokenFor(db, "MEMBER");
        assertProblem(given().auth().oauth2(member).contentType(ContentType.JSON).body(Map.of("code", code))
                .post("/api/events/" + id + "/registrations/check-in").then(), 403, "forbidden");
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("code", "salah123"))
                .post("/api/events/" + id + "/registrations/check-in").then(), 404, "not-found");
        given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("code", code))
                .post("/api/events/" + id + "/registrations/check-in").then().statusCode(200)
                .body("status", equalTo("ATTENDED"));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM registration WHERE event_id = ? AND checkin_code = ? "
                + "AND status = 'ATTENDED'", id, code));
        // Another event's staff page cannot use this code.
        long other = EventFixtures.published(staff, EventFixtures.body(EventFixtures.uniqueDay()));
        assertProblem(given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("code", code))
                .post("/api/events/" + other + "/registrations/check-in").then(), 404, "not-found");
        assertTrue(Instant.now().isAfter(Instant.EPOCH));
    }
}
