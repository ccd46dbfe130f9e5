package id.serambi.account;

import id.serambi.common.SerambiConfig;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.util.KeyUtils;
import io.smallrye.jwt.util.ResourceUtils;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import org.jboss.logging.Logger;

/**
 * The RS256 key pair that signs and verifies Serambi's JWTs. Configured PEM files take precedence. Without them, the
 * first instance to start generates a pair and stores it in the database; every later start and every replica reads
 * that same pair, so tokens stay valid across restarts and instances.
 */
@ApplicationScoped
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class);
    static final String STORED_KEY_ID = "default";

    private final SerambiConfig config;
    private final Pool pool;
    private volatile PublicKey publicKey;
    private volatile PrivateKey privateKey;
    private volatile String keyId;

    public SigningKeys(SerambiConfig config, Pool pool) {
        this.config = config;
        this.pool = pool;
    }

    void load(@Observes @Priority(10) StartupEvent event) {
        SerambiConfig.Jwt jwt = config.jwt();
        try {
            if (jwt.publicKeyLocation().isPresent() && jwt.privateKeyLocation().isPresent()) {
                use(KeyUtils.decodePublicKey(ResourceUtils.readResource(jwt.publicKeyLocation().get())),
                        KeyUtils.decodePrivateKey(ResourceUtils.readResource(jwt.privateKeyLocation().get())));
                LOG.infof("JWT keys loaded from %s", jwt.publicKeyLocation().get());
                return;
            }
            if (jwt.publicKeyLocation().isPresent() || jwt.privateKeyLocation().isPresent()) {
                throw new IllegalStateException(
                        "Set both serambi.jwt.public-key-location and serambi.jwt.private-key-location, or neither");
            }
            Row row = storedOrGenerated();
            use(KeyUtils.decodePublicKey(row.getString("public_pem")),
                    KeyUtils.decodePrivateKey(row.getString("private_pem")));
            LOG.warn("No JWT keys configured (SERAMBI_JWT_PUBLIC_KEY_LOCATION, SERAMBI_JWT_PRIVATE_KEY_LOCATION): "
                    + "using the key pair stored in the database. Configure your own keys in production.");
        } catch (java.io.IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot load the JWT signing keys: " + e.getMessage(), e);
        }
    }

    private Row storedOrGenerated() throws GeneralSecurityException {
        RowSet<Row> stored = pool.preparedQuery("SELECT public_pem, private_pem FROM signing_key WHERE id = $1")
                .execute(Tuple.of(STORED_KEY_ID)).await().atMost(Duration.ofSeconds(30));
        if (stored.iterator().hasNext()) {
            return stored.iterator().next();
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        // Two instances starting together: the first insert wins and both read the winner back.
        pool.preparedQuery("INSERT INTO signing_key (id, public_pem, private_pem) VALUES ($1, $2, $3) "
                + "ON CONFLICT (id) DO NOTHING")
                .execute(Tuple.of(STORED_KEY_ID, pem("PUBLIC KEY", pair.getPublic().getEncoded()),
                        pem("PRIVATE KEY", pair.getPrivate().getEncoded())))
                .await().atMost(Duration.ofSeconds(30));
        LOG.warn("Generated a new JWT signing key pair and stored it in the database");
        return pool.preparedQuery("SELECT public_pem, private_pem FROM signing_key WHERE id = $1")
                .execute(Tuple.of(STORED_KEY_ID)).await().atMost(Duration.ofSeconds(30)).iterator().next();
    }

    private void use(PublicKey publicKey, PrivateKey privateKey) throws GeneralSecurityException {
        this.publicKey = publicKey;
        this.privateKey = privateKey;
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(publicKey.getEncoded());
        this.keyId = HexFormat.of().formatHex(digest, 0, 8);
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public String keyId() {
        return keyId;
    }
}
