package id.serambi.social;

import java.time.Instant;

/**
 * An account a platform's authorization granted: a Facebook Page (its Page token), the Instagram professional account
 * linked to it (the same Page token), or an X user (access and refresh token). Tokens are plain text here and must
 * never be logged; they are stored encrypted.
 *
 * @param externalId the Page id, the Instagram user id, or the X user id
 * @param name       what staff recognise: the Page's name, the Instagram username, the X @handle
 * @param expiresAt  when the access token stops working, or null when the platform gives no end (a Page token from a
 *                   long-lived user token, a system-user token that never expires)
 */
public record GrantedAccount(SocialPlatform platform, String externalId, String name, String accessToken,
        String refreshToken, Instant expiresAt) {

    @Override
    public String toString() {
        return "GrantedAccount[" + platform + " " + externalId + " " + name + ", expires " + expiresAt + "]";
    }
}
