package id.serambi.social.meta;

import id.serambi.social.MetaStubs;
import id.serambi.social.SocialPlatform;
import id.serambi.social.connections.SocialConnection;
import id.serambi.social.connections.TokenCipher;
import id.serambi.support.Accounts;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;

/**
 * The test Page and its Instagram account, connected as the system-user flow leaves them (tokens encrypted with the
 * app's key, bound to their rows), written straight into the table so that each test's setup does not depend on the
 * stand-in's speed. SystemUserConnectionTest and OAuthConnectionTest cover the flows themselves.
 */
final class MetaConnected {

    static final String PAGE_TOKEN = "EAAGpageTokenMeta";

    private MetaConnected() {
    }

    static void connect(AgroalDataSource db) {
        TokenCipher cipher = Arc.container().instance(TokenCipher.class).get();
        Accounts.sql(db, "DELETE FROM social_connection");
        insert(db, cipher, SocialPlatform.FACEBOOK, MetaStubs.PAGE_ID, MetaStubs.PAGE_NAME);
        insert(db, cipher, SocialPlatform.INSTAGRAM, MetaStubs.IG_ID, MetaStubs.IG_USERNAME);
    }

    private static void insert(AgroalDataSource db, TokenCipher cipher, SocialPlatform platform, String id, String name) {
        Accounts.sql(db, "INSERT INTO social_connection (platform, external_id, name, method, access_token) "
                + "VALUES (?, ?, ?, 'SYSTEM_USER', ?)", platform.name(), id, name,
                cipher.encrypt(PAGE_TOKEN, SocialConnection.binding(platform, id, "access")));
    }
}
