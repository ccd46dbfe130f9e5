package id.serambi.account.tokens;



import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.serambi.support.Accounts;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import id.serambi.common.SerambiConfig;
import io.smallrye.jwt.util.KeyUtils;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.Test;

/**
 * Without configured keys, the pair is generated once and kept in the database, where every instance finds it: its
 * private key encrypted with SERAMBI_JWT_KEY_ENCRYPTION_KEY (issue 13, finding 13: it was stored in plain text).
 */
@QuarkusTest
@TestProfile(StoredSigningKeysTest.NoConfiguredKeys.class)
class StoredSigningKeysTest {

    public static class NoConfiguredKeys implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("serambi.jwt.public-key-location", "", "serambi.jwt.private-key-location", "",
                    "serambi.jwt.key-encryption-key", KEY);
        }
    }

    @Inject
    AgroalDataSource db;

    static final String KEY = "dGVzdC1vbmx5LWtleS1lbmNyeXB0aW9uLWtleS0zMmI=";

    @Inject
    SigningKeys keys;

    @Inject
    SerambiConfig config;

    @Inject
    Pool pool;

    private String stored(String column) throws Exception {
        try (var c = db.getConnection();
                var rs = c.createStatement().executeQuery("SELECT " + column + " FROM signing_key")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void theStoredPrivateKeyIsEncrypted() throws Exception {
        String privateColumn = stored("private_pem");
        assertFalse(privateColumn.contains("PRIVATE KEY"), privateColumn);
        assertTrue(privateColumn.startsWith(SigningKeys.ENCRYPTED_PREFIX), privateColumn);
        byte[] key = Base64.getDecoder().decode(KEY);
        String pem = SigningKeys.decrypt(key, privateColumn, stored("public_pem"));
        assertEquals(KeyUtils.decodePrivateKey(pem), keys.privateKey());
    }

    @Test
    void aPlaintextKeyFromAnEarlierVersionIsEncryptedInPlace() throws Exception {
        String publicPem = stored("public_pem");
        String pem = SigningKeys.decrypt(Base64.getDecoder().decode(KEY), stored("private_pem"), publicPem);
        Accounts.sql(db, "UPDATE signing_key SET private_pem = ?", pem);

        keys.load(null);
        String now = stored("private_pem");
        assertTrue(now.startsWith(SigningKeys.ENCRYPTED_PREFIX) && !now.contains("PRIVATE KEY"), now);
        assertEquals(KeyUtils.decodePublicKey(publicPem), keys.publicKey());
        assertEquals(KeyUtils.decodePrivateKey(pem), keys.privateKey());
        given().auth().oauth2(Accounts.tokenFor(db, "MEMBER")).get("/api/me").then().statusCode(200);
    }

    @Test
    void aWrongKeyStopsTheStart() throws Exception {
        String other = Base64.getEncoder().encodeToString(new byte[32]);
        String before = stored("private_pem");
        IllegalStateException wrong = assertThrows(IllegalStateException.class,
                () -> new SigningKeys(config, new SigningKeyRepository(pool), Optional.of(other)).load(null));
        assertTrue(wrong.getMessage().contains("SERAMBI_JWT_KEY_ENCRYPTION_KEY is not the key"), wrong.getMessage());
        assertEquals(before, stored("private_pem"), "the stored key is left alone");

        IllegalStateException shortKey = assertThrows(IllegalStateException.class,
                () -> new SigningKeys(config, new SigningKeyRepository(pool), Optional.of("c2hvcnQ=")).load(null));
        assertTrue(shortKey.getMessage().contains("32 bytes"), shortKey.getMessage());
    }

    /** Production (or any profile) without PEM files and without the encryption key refuses to start. */
    @Test
    void withoutKeyFilesAndWithoutAnEncryptionKeyTheAppDoesNotStart() {
        IllegalStateException none = assertThrows(IllegalStateException.class,
                () -> new SigningKeys(config, new SigningKeyRepository(pool), Optional.empty()).load(null));
        assertTrue(none.getMessage().contains("SERAMBI_JWT_KEY_ENCRYPTION_KEY")
                && none.getMessage().contains("SERAMBI_JWT_PRIVATE_KEY_LOCATION"), none.getMessage());
        assertThrows(IllegalStateException.class, () -> new SigningKeys(config, new SigningKeyRepository(pool), Optional.of(" ")).load(null));
    }

    @Test
    void eachEncryptionHasItsOwnIvAndIsBoundToThePublicKey() throws Exception {
        byte[] key = Base64.getDecoder().decode(KEY);
        String a = SigningKeys.encrypt(key, "rahasia", "publik");
        String b = SigningKeys.encrypt(key, "rahasia", "publik");
        assertNotEquals(a, b);
        assertEquals("rahasia", SigningKeys.decrypt(key, a, "publik"));
        assertThrows(IllegalStateException.class, () -> SigningKeys.decrypt(key, a, "publik-lain"));
    }

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
