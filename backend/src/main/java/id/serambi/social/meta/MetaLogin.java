package id.serambi.social.meta;

import id.serambi.social.GrantedAccount;
import id.serambi.social.PublishFailure;
import id.serambi.social.SocialPlatform;
import id.serambi.social.connections.SocialSettings;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Facebook Login's manual flow, shared by the Facebook and Instagram providers (Facebook Login → "Manually build a
 * login flow", "Long-lived access tokens", Pages API "Get Page access tokens"):
 * <ol>
 * <li>the login dialog {@code /dialog/oauth?client_id&redirect_uri&state&response_type=code&scope};</li>
 * <li>the code for a short-lived user token: {@code GET /oauth/access_token?client_id&redirect_uri&client_secret&code};</li>
 * <li>that for a long-lived user token: {@code GET /oauth/access_token?grant_type=fb_exchange_token&...};</li>
 * <li>the Pages it manages, with their Page tokens (which, from a long-lived user token, have no expiry) and linked
 * Instagram professional accounts: {@code GET /me/accounts?fields=id,name,access_token,instagram_business_account{id,username}};</li>
 * <li>each Page token's expiry from {@code GET /debug_token} ({@code expires_at} 0 means never).</li>
 * </ol>
 * A Meta Business Suite system-user token is checked the same way from step 4.
 */
@ApplicationScoped
public class MetaLogin {

    /** What Serambi asks Meta for: list and publish to Pages, read their insights, publish to Instagram. */
    static final String SCOPES = String.join(",", "pages_show_list", "pages_manage_posts", "pages_read_engagement",
            "read_insights", "instagram_basic", "instagram_content_publish", "instagram_manage_insights",
            "business_management");

    private final GraphClient graph;
    private final SocialSettings settings;

    public MetaLogin(GraphClient graph, SocialSettings settings) {
        this.graph = graph;
        this.settings = settings;
    }

    String authorizationUrl(String state, String redirectUri) {
        String appId = settings.metaAppId().orElseThrow(MetaLogin::notConfigured);
        return settings.metaOauthUrl() + "?client_id=" + enc(appId) + "&redirect_uri=" + enc(redirectUri) + "&state="
                + enc(state) + "&response_type=code&scope=" + enc(SCOPES);
    }

    Uni<List<GrantedAccount>> exchange(String code, String redirectUri) {
        String appId = settings.metaAppId().orElse(null);
        String secret = settings.metaAppSecret().orElse(null);
        if (appId == null || secret == null) {
            return Uni.createFrom().failure(notConfigured());
        }
        return graph.get("oauth/access_token", GraphClient.params("client_id", appId, "redirect_uri", redirectUri,
                "client_secret", secret, "code", code))
                .chain(shortLived -> graph.get("oauth/access_token", GraphClient.params("grant_type", "fb_exchange_token",
                        "client_id", appId, "client_secret", secret, "fb_exchange_token", shortLived.getString("access_token"))))
                .chain(longLived -> pages(longLived.getString("access_token")));
    }

    /** The Pages (and their Instagram accounts) a system-user token reaches; Meta's refusal is TOKEN_INVALID. */
    Uni<List<GrantedAccount>> verify(String token) {
        return pages(token);
    }

    private Uni<List<GrantedAccount>> pages(String userToken) {
        if (userToken == null || userToken.isBlank()) {
            return Uni.createFrom().failure(new PublishFailure(PublishFailure.Kind.PERMANENT,
                    "Meta gave no access token", null, null));
        }
        return graph.get("me/accounts", GraphClient.params("fields",
                "id,name,access_token,instagram_business_account{id,username}", "limit", "100", "access_token", userToken))
                .chain(answer -> {
                    JsonArray data = answer.getJsonArray("data", new JsonArray());
                    if (data.isEmpty()) {
                        return Uni.createFrom().failure(new PublishFailure(PublishFailure.Kind.PERMANENT,
                                "The login granted no Facebook Page: choose the library's Page when Facebook asks, "
                                        + "and make sure you manage it", null, null));
                    }
                    Uni<List<GrantedAccount>> granted = Uni.createFrom().item(new ArrayList<>());
                    for (int i = 0; i < data.size(); i++) {
                        JsonObject page = data.getJsonObject(i);
                        granted = granted.chain(list -> expiry(page.getString("access_token")).map(expiresAt -> {
                            String pageToken = page.getString("access_token");
                            list.add(new GrantedAccount(SocialPlatform.FACEBOOK, page.getString("id"),
                                    page.getString("name"), pageToken, null, expiresAt));
                            JsonObject ig = page.getJsonObject("instagram_business_account");
                            if (ig != null && ig.getString("id") != null) {
                                list.add(new GrantedAccount(SocialPlatform.INSTAGRAM, ig.getString("id"),
                                        ig.getString("username", ig.getString("id")), pageToken, null, expiresAt));
                            }
                            return list;
                        }));
                    }
                    return granted.map(List::copyOf);
                });
    }

    /**
     * When the token stops working, from debug_token (inspected with the app's token when configured, else with
     * itself); null when it never expires or Meta does not say.
     */
    Uni<Instant> expiry(String token) {
        String inspector = settings.metaAppId().isPresent() && settings.metaAppSecret().isPresent()
                ? settings.metaAppId().get() + "|" + settings.metaAppSecret().get() : token;
        return graph.get("debug_token", GraphClient.params("input_token", token, "access_token", inspector))
                .map(answer -> {
                    JsonObject data = answer.getJsonObject("data", new JsonObject());
                    if (!data.getBoolean("is_valid", true)) {
                        JsonObject error = data.getJsonObject("error", new JsonObject());
                        throw new PublishFailure(PublishFailure.Kind.TOKEN_INVALID,
                                error.getString("message", "Meta says the token is not valid"), null, null);
                    }
                    long expiresAt = data.getLong("expires_at", 0L);
                    return expiresAt <= 0 ? null : Instant.ofEpochSecond(expiresAt);
                })
                .onFailure(f -> f instanceof PublishFailure p && p.kind() == PublishFailure.Kind.PERMANENT)
                .recoverWithNull();
    }

    static PublishFailure notConfigured() {
        return new PublishFailure(PublishFailure.Kind.PERMANENT, "The Meta app is not configured "
                + "(SERAMBI_SOCIAL_META_APP_ID and SERAMBI_SOCIAL_META_APP_SECRET)", null, null);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
