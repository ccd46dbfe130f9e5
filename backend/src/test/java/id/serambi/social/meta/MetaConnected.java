package id.serambi.social.meta;

import static io.restassured.RestAssured.given;

import id.serambi.social.MetaStubs;
import id.serambi.support.Accounts;
import id.serambi.support.PlatformStandIns;
import id.serambi.support.Staff;
import io.agroal.api.AgroalDataSource;
import io.restassured.http.ContentType;
import java.util.Map;

/** Connects the test Page and its Instagram account through the real API (a system-user token), then clears the stubs. */
final class MetaConnected {

    static final String SYSTEM_TOKEN = "EAAGsystemUserTokenMeta";
    static final String PAGE_TOKEN = "EAAGpageTokenMeta";

    private MetaConnected() {
    }

    static void connect(AgroalDataSource db) {
        Accounts.sql(db, "DELETE FROM social_connection");
        MetaStubs.onePage(SYSTEM_TOKEN, PAGE_TOKEN);
        MetaStubs.debugToken(PAGE_TOKEN, 0);
        given().auth().oauth2(Staff.token()).contentType(ContentType.JSON).body(Map.of("token", SYSTEM_TOKEN))
                .post("/api/social/connections/system-user").then().statusCode(200);
        PlatformStandIns.server().resetAll();
    }
}
