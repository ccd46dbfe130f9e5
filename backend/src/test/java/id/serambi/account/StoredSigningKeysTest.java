package id.serambi.account;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.serambi.support.Accounts;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.inject.Inject;
import java.util.Map;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.Test;

/** Without configured keys, the pair is generated once and kept in the database, where every instance finds it. */
@QuarkusTest
@TestProfile(StoredSigningKeysTest.NoConfiguredKeys.class)
class StoredSigningKeysTest {

    public static class NoConfiguredKeys implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("serambi.jwt.public-key-location", "", "serambi.jwt.private-key-location", "");
        }
    }

    @Inject
    AgroalDataSource db;

    @Inject
    SigningKeys keys;

    @Test
    void theStoredKeyPairSignsTheTokens() throws Exception {
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM signing_key"));
        String storedPem;
        try (var c = db.getConnection(); var rs = c.createStatement().executeQuery("SELECT public_pem FROM signing_key")) {
            rs.next();
            storedPem = rs.getString(1);
        }
        assertEquals(KeyUtils.decodePublicKey(storedPem), keys.publicKey());

        String email = Accounts.uniqueEmail("tersimpan");
        Accounts.register(email);
        String token = Accounts.login(email, Accounts.PASSWORD);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(token);
        jws.setKey(KeyUtils.decodePublicKey(storedPem));
        assertTrue(jws.verifySignature());
        given().auth().oauth2(token).get("/api/me").then().statusCode(200);

        // A restart (or a second instance) reads the same pair rather than making a new one.
        keys.load(null);
        assertEquals(KeyUtils.decodePublicKey(storedPem), keys.publicKey());
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM signing_key"));
        given().auth().oauth2(token).get("/api/me").then().statusCode(200);
    }
}
