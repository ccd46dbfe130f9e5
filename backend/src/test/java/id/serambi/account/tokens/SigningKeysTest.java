package id.serambi.account.tokens;


import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.serambi.support.Accounts;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.util.KeyUtils;
import io.smallrye.jwt.util.ResourceUtils;
import jakarta.inject.Inject;
import java.security.PublicKey;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.Test;

/** The test profile configures PEM keys: they take precedence over the database, which then holds no key. */
@QuarkusTest
class SigningKeysTest {

    @Inject
    AgroalDataSource db;

    @Test
    void configuredKeysSignTheTokens() throws Exception {
        String email = Accounts.uniqueEmail("kunci");
        Accounts.register(email);
        String token = Accounts.login(email, Accounts.PASSWORD);

        PublicKey configured = KeyUtils.decodePublicKey(ResourceUtils.readResource("test-keys/public.pem"));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(token);
        jws.setKey(configured);
        assertEquals(true, jws.verifySignature());
        assertEquals("RS256", jws.getAlgorithmHeaderValue());
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM signing_key"));
        given().auth().oauth2(token).get("/api/me").then().statusCode(200);
    }
}
