package id.serambi.social.connections;

import id.serambi.account.Role;
import id.serambi.common.Caller;
import id.serambi.common.Problem;
import id.serambi.common.ProblemException;
import id.serambi.social.SocialPlatform;
import id.serambi.social.connections.ConnectionDtos.AuthorizationRequest;
import id.serambi.social.connections.ConnectionDtos.AuthorizationStart;
import id.serambi.social.connections.ConnectionDtos.CallbackRequest;
import id.serambi.social.connections.ConnectionDtos.ConnectResult;
import id.serambi.social.connections.ConnectionDtos.ConnectionList;
import id.serambi.social.connections.ConnectionDtos.PageChoiceRequest;
import id.serambi.social.connections.ConnectionDtos.SystemUserRequest;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The library's connected social-media accounts (staff and admins). Tokens go in (a code, a pasted system-user token)
 * and never come out.
 */
@Path("/social")
@Tag(name = "Social accounts", description = "Connecting the library's Facebook Page, Instagram professional account and X account")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
public class ConnectionResource {

    static final String LIST = """
            {"connections":[{"platform":"FACEBOOK","state":"CONNECTED","name":"Perpustakaan Kota Banjarbaru","externalId":"102030405060",
              "method":"OAUTH","expiresAt":null,"connectedAt":"2026-11-20T02:15:00.000Z","connectedBy":{"id":3,"name":"Rina Staf"},
              "reason":null,"appConfigured":true,"systemUserTokens":true},
             {"platform":"INSTAGRAM","state":"NEEDS_RECONNECT","name":"perpuskotabjb","externalId":"17841400000000000","method":"OAUTH",
              "expiresAt":"2027-01-19T02:15:00.000Z","connectedAt":"2026-11-20T02:15:00.000Z","connectedBy":{"id":3,"name":"Rina Staf"},
              "reason":"Error validating access token: The session has been invalidated because the user changed their password. (code 190)",
              "appConfigured":true,"systemUserTokens":true},
             {"platform":"X","state":"NOT_CONNECTED","name":null,"externalId":null,"method":null,"expiresAt":null,"connectedAt":null,
              "connectedBy":null,"reason":null,"appConfigured":true,"systemUserTokens":false}],"tokenKeyConfigured":true}""";
    static final String CONNECTED = """
            {"connected":[{"platform":"FACEBOOK","state":"CONNECTED","name":"Perpustakaan Kota Banjarbaru","externalId":"102030405060",
              "method":"OAUTH","expiresAt":null,"connectedAt":"2026-11-20T02:15:00.000Z","connectedBy":{"id":3,"name":"Rina Staf"},
              "reason":null,"appConfigured":true,"systemUserTokens":true}],
             "choices":[],"state":null}""";
    static final String CHOICES = """
            {"connected":[],"choices":[{"pageId":"102030405060","name":"Perpustakaan Kota Banjarbaru","instagramUsername":"perpuskotabjb"},
              {"pageId":"908070605040","name":"Pojok Baca Remaja","instagramUsername":null}],"state":"k3J9x..."}""";
    static final String REFUSED = """
            {"type":"https://serambi.id/problems/platform-refused","title":"Facebook refused","status":422,
             "detail":"Facebook said: Error validating access token: Session has expired on Tuesday, 01-Dec-26 10:00:00 PST. (code 190)",
             "instance":"/api/social/connections/system-user"}""";
    static final String STATE_USED = """
            {"type":"https://serambi.id/problems/state-used","title":"Authorization already used","status":409,
             "detail":"This authorization was already used; start connecting again","instance":"/api/social/connections/callback"}""";
    static final String NOT_CONFIGURED = """
            {"type":"https://serambi.id/problems/app-not-configured","title":"Platform app not configured","status":409,
             "detail":"Serambi cannot sign in with X until its app is configured (SERAMBI_SOCIAL_X_CLIENT_ID and SERAMBI_SOCIAL_X_CLIENT_SECRET)",
             "instance":"/api/social/authorizations"}""";
    static final String NO_KEY = """
            {"type":"https://serambi.id/problems/token-key-missing","title":"Token encryption key not configured","status":503,
             "detail":"Serambi cannot store a platform's token without SERAMBI_JWT_KEY_ENCRYPTION_KEY ...","instance":"/api/social/authorizations"}""";

    private final ConnectionService connections;
    private final Caller.Resolver caller;

    public ConnectionResource(ConnectionService connections, Caller.Resolver caller) {
        this.connections = connections;
        this.caller = caller;
    }

    @GET
    @Path("/connections")
    @Operation(operationId = "listSocialConnections", summary = "Every platform with its connection's state, name, expiry and who connected it (never a token)")
    @APIResponse(responseCode = "200", description = "Facebook, Instagram and X, in that order", content = @Content(
            schema = @Schema(implementation = ConnectionList.class), examples = @ExampleObject(name = "connected", value = LIST)))
    public Uni<ConnectionList> list() {
        return connections.list();
    }

    @POST
    @Path("/authorizations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "startSocialAuthorization", summary = "Start connecting a platform: where to send the browser (Facebook Login for "
            + "Facebook and Instagram, X's OAuth 2.0 with PKCE). The platform sends staff back to /staf/akun-sosial/sambung "
            + "with code and state; the state works once, for 10 minutes, for the account that started")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "facebook", value = "{\"platform\":\"FACEBOOK\"}")))
    @APIResponse(responseCode = "200", description = "The platform's authorization page", content = @Content(
            schema = @Schema(implementation = AuthorizationStart.class), examples = @ExampleObject(name = "facebook", value = """
                    {"authorizationUrl":"https://www.facebook.com/v23.0/dialog/oauth?client_id=1234567890&redirect_uri=https%3A%2F%2Fserambi.example%2Fstaf%2Fakun-sosial%2Fsambung&state=k3J9x...&response_type=code&scope=pages_show_list%2Cpages_manage_posts"}""")))
    @APIResponse(responseCode = "400", description = "No or an unknown platform", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The platform's app is not configured", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not configured", value = NOT_CONFIGURED)))
    @APIResponse(responseCode = "503", description = "No token encryption key is configured", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "no key", value = NO_KEY)))
    public Uni<AuthorizationStart> authorize(@Valid @NotNull AuthorizationRequest body) {
        return connections.authorize(body.platform(), caller.userId());
    }

    @POST
    @Path("/connections/callback")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "finishSocialAuthorization", summary = "Finish connecting with the code and state the platform sent back: the code "
            + "is exchanged and the accounts saved (Facebook Login: the Page and its Instagram professional account). When "
            + "the login granted several Pages, nothing is saved yet: the answer lists them, and POST /api/social/connections/page "
            + "with the state and a pageId connects one")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "callback", value = "{\"code\":\"AQBx...\",\"state\":\"k3J9x...\"}")))
    @APIResponse(responseCode = "200", description = "Connected, or Pages to choose from", content = @Content(
            schema = @Schema(implementation = ConnectResult.class), examples = {
                    @ExampleObject(name = "connected", value = CONNECTED), @ExampleObject(name = "choose a page", value = CHOICES) }))
    @APIResponse(responseCode = "400", description = "Missing code or state, an unknown state, or one older than 10 minutes", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The state was started by another account", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The state was already used", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "used", value = STATE_USED)))
    @APIResponse(responseCode = "422", description = "The platform refused the code, or granted no Page", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "502", description = "The platform could not answer now", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ConnectResult> callback(@Valid @NotNull CallbackRequest body) {
        return connections.callback(body.code(), body.state(), caller.userId());
    }

    @POST
    @Path("/connections/page")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "chooseSocialPage", summary = "Connect the Page chosen among those a Facebook Login granted (with its Instagram account)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "choice", value = "{\"state\":\"k3J9x...\",\"pageId\":\"102030405060\"}")))
    @APIResponse(responseCode = "200", description = "Connected", content = @Content(schema = @Schema(implementation = ConnectResult.class),
            examples = @ExampleObject(name = "connected", value = CONNECTED)))
    @APIResponse(responseCode = "400", description = "A Page that was not granted, an unknown or expired state", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The state was started by another account", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "No Pages are waiting for a choice under this state", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ConnectResult> choosePage(@Valid @NotNull PageChoiceRequest body) {
        return connections.choose(body.state(), body.pageId(), caller.userId());
    }

    @POST
    @Path("/connections/system-user")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "connectSystemUser", summary = "Connect Facebook (and the linked Instagram account) with a Meta Business Suite "
            + "system-user token, checked against the Graph API before it is saved. When the token reaches several Pages "
            + "and no pageId is given, the answer lists them to choose from; send the token again with a pageId")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "token", value = "{\"token\":\"EAAB...\"}")))
    @APIResponse(responseCode = "200", description = "Connected, or Pages to choose from", content = @Content(
            schema = @Schema(implementation = ConnectResult.class), examples = @ExampleObject(name = "connected", value = CONNECTED)))
    @APIResponse(responseCode = "400", description = "No token, or a pageId the token does not reach", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Meta refused the token (its message), or it reaches no Page", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "refused", value = REFUSED)))
    @APIResponse(responseCode = "502", description = "Meta could not answer now", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "No token encryption key is configured", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "no key", value = NO_KEY)))
    public Uni<ConnectResult> systemUser(@Valid @NotNull SystemUserRequest body) {
        return connections.systemUser(body.token(), body.pageId(), caller.userId());
    }

    @DELETE
    @Path("/connections/{platform}")
    @Operation(operationId = "disconnectSocialAccount", summary = "Disconnect a platform: its tokens are deleted (revoke Serambi's access on the platform too)")
    @APIResponse(responseCode = "204", description = "Disconnected")
    @APIResponse(responseCode = "404", description = "Not connected, or no such platform", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public Uni<Response> disconnect(
            @Parameter(description = "The platform (any letter case)", schema = @Schema(implementation = SocialPlatform.class))
            @PathParam("platform") String platform) {
        SocialPlatform p;
        try {
            p = SocialPlatform.valueOf(platform.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Platform", platform.length() > 20 ? platform.substring(0, 20) + "…" : platform);
        }
        return connections.disconnect(p).map(v -> Response.noContent().build());
    }
}
