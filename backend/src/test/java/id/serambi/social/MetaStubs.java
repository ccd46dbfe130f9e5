package id.serambi.social;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import id.serambi.support.PlatformStandIns;

/**
 * The Graph API answers the Meta tests share, in the shapes of Meta's documentation: a user's Pages with their Page
 * tokens and linked Instagram professional accounts ({@code GET /me/accounts}) and the token inspection
 * ({@code GET /debug_token}).
 */
public final class MetaStubs {

    public static final String GRAPH = "/meta/v23.0";
    public static final String PAGE_ID = "102030405060";
    public static final String PAGE_NAME = "Perpustakaan Kota Banjarbaru";
    public static final String IG_ID = "17841400000000001";
    public static final String IG_USERNAME = "perpuskotabjb";

    private MetaStubs() {
    }

    /** /me/accounts for this user (or system-user) token: one Page, with its Instagram account. */
    public static void onePage(String userToken, String pageToken) {
        PlatformStandIns.server().stubFor(get(urlPathEqualTo(GRAPH + "/me/accounts"))
                .withQueryParam("access_token", equalTo(userToken))
                .willReturn(okJson("""
                        {"data":[{"id":"%s","name":"%s","access_token":"%s",
                          "instagram_business_account":{"id":"%s","username":"%s"}}],
                         "paging":{"cursors":{"before":"QVFIUk","after":"QVFIUk"}}}"""
                        .formatted(PAGE_ID, PAGE_NAME, pageToken, IG_ID, IG_USERNAME))));
    }

    /** /me/accounts: two Pages, the second without Instagram. */
    public static void twoPages(String userToken, String pageToken, String otherPageToken) {
        PlatformStandIns.server().stubFor(get(urlPathEqualTo(GRAPH + "/me/accounts"))
                .withQueryParam("access_token", equalTo(userToken))
                .willReturn(okJson("""
                        {"data":[{"id":"%s","name":"%s","access_token":"%s",
                          "instagram_business_account":{"id":"%s","username":"%s"}},
                          {"id":"908070605040","name":"Pojok Baca Remaja","access_token":"%s"}],
                         "paging":{"cursors":{"before":"QVFIUk","after":"QVFIUk"}}}"""
                        .formatted(PAGE_ID, PAGE_NAME, pageToken, IG_ID, IG_USERNAME, otherPageToken))));
    }

    /** debug_token for this token: valid, expiring at the epoch second given (0: never). */
    public static void debugToken(String token, long expiresAt) {
        PlatformStandIns.server().stubFor(get(urlPathEqualTo(GRAPH + "/debug_token"))
                .withQueryParam("input_token", equalTo(token))
                .willReturn(okJson("""
                        {"data":{"app_id":"1234567890","type":"PAGE","application":"Serambi","data_access_expires_at":0,
                         "expires_at":%d,"is_valid":true,"issued_at":1764547200,"profile_id":"%s",
                         "scopes":["pages_show_list","pages_manage_posts","pages_read_engagement","instagram_basic","instagram_content_publish"],
                         "user_id":"10160000000000000"}}""".formatted(expiresAt, PAGE_ID))));
    }

    /** Graph's answer to a refused token (OAuthException 190). */
    public static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder tokenRefused(String message) {
        return aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody("""
                {"error":{"message":"%s","type":"OAuthException","code":190,"error_subcode":463,"fbtrace_id":"AbCdEfGh123"}}"""
                .formatted(message));
    }
}
