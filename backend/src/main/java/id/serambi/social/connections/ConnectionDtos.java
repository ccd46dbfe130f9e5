package id.serambi.social.connections;

import id.serambi.social.SocialPlatform;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

/** What the connected-accounts API reads and answers. No token ever appears in any of them. */
public final class ConnectionDtos {

    private ConnectionDtos() {
    }

    /** A platform's state, as staff see it. */
    public enum ConnectionState {
        NOT_CONNECTED, CONNECTED, NEEDS_RECONNECT
    }

    /**
     * Who connected the account. ConnectionView.connectedBy spells out its properties: SmallRye otherwise writes that
     * nullable reference with {@code type: object}, which refuses the null it may be.
     */
    @Schema(hidden = true)
    public record Connector(long id, String name) {
    }

    @Schema(name = "ConnectionView", description = "One platform and its connection, if any. Tokens are never shown.")
    public record ConnectionView(
            SocialPlatform platform,
            ConnectionState state,
            @Schema(description = "The Page's name, the Instagram username, the X handle; null when NOT_CONNECTED",
                    nullable = true) String name,
            @Schema(description = "The Page id, the Instagram user id, the X user id; null when NOT_CONNECTED",
                    nullable = true) String externalId,
            @Schema(description = "OAUTH (Facebook Login, X) or SYSTEM_USER (Meta Business Suite token); null when "
                    + "NOT_CONNECTED", nullable = true) ConnectionMethod method,
            @Schema(description = "When the token stops working; null when it does not expire (or is refreshed by "
                    + "itself), or when NOT_CONNECTED", nullable = true) Instant expiresAt,
            @Schema(description = "null when NOT_CONNECTED", nullable = true) Instant connectedAt,
            @Schema(description = "Who connected the account; null when NOT_CONNECTED, or once that account is "
                    + "deleted", nullable = true, type = SchemaType.OBJECT, requiredProperties = { "id", "name" }, properties = {
                            @SchemaProperty(name = "id", type = SchemaType.INTEGER, format = "int64",
                                    description = "The account's id"),
                            @SchemaProperty(name = "name", type = SchemaType.STRING,
                                    description = "The account's display name") })
            Connector connectedBy,
            @Schema(description = "The platform's message when the connection needs reconnecting; null otherwise",
                    nullable = true) String reason,
            @Schema(description = "Whether Serambi's app credentials for this platform are configured (needed to sign in with the platform)") boolean appConfigured,
            @Schema(description = "Whether a system-user token may be pasted for this platform (Meta)") boolean systemUserTokens) {
    }

    public record ConnectionList(List<ConnectionView> connections,
            @Schema(description = "Whether the key that encrypts tokens (SERAMBI_JWT_KEY_ENCRYPTION_KEY) is configured") boolean tokenKeyConfigured) {
    }

    public record AuthorizationRequest(@NotNull SocialPlatform platform) {
    }

    public record AuthorizationStart(
            @Schema(description = "Send the browser here; the platform comes back to /staf/akun-sosial/sambung with code and state") String authorizationUrl) {
    }

    public record CallbackRequest(@NotBlank @Size(max = 2000) String code, @NotBlank @Size(max = 200) String state) {
    }

    public record PageChoiceRequest(@NotBlank @Size(max = 200) String state, @NotBlank @Size(max = 200) String pageId) {
    }

    public record SystemUserRequest(
            @NotBlank @Size(max = 4000) @Schema(description = "The system user's access token from Meta Business Suite") String token,
            @Size(max = 200) @Schema(description = "Which Page to connect when the token grants several") String pageId) {
    }

    @Schema(description = "A Facebook Page the authorization granted, with the Instagram account linked to it")
    public record PageChoice(String pageId, String name,
            @Schema(description = "null when no Instagram professional account is linked to the Page", nullable = true)
            String instagramUsername) {
    }

    @Schema(description = "Either the connections saved, or (when several Pages were granted) the Pages to choose from")
    public record ConnectResult(List<ConnectionView> connected, List<PageChoice> choices,
            @Schema(description = "Send it back with the chosen pageId to /api/social/connections/page; null when "
                    + "nothing is left to choose (or a system-user token, sent again with a pageId)", nullable = true)
            String state) {
    }
}
