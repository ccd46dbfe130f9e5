package id.serambi.account.members;

import id.serambi.account.Accounts;

import id.serambi.common.Caller;
import id.serambi.common.Problem;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.core.Response;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/me")
@Tag(name = "Accounts")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class MeResource {

    private final AccountService accounts;
    private final Caller.Resolver callers;
    private final EmailVerification verifications;

    public MeResource(AccountService accounts, Caller.Resolver callers, EmailVerification verifications) {
        this.verifications = verifications;
        this.accounts = accounts;
        this.callers = callers;
    }

    @GET
    @Operation(operationId = "getMe", summary = "The caller's own account")
    @APIResponse(responseCode = "200", description = "The account", content = @Content(schema = @Schema(implementation = UserDto.class)))
    @APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public Uni<UserDto> me() {
        return accounts.get(callers.userId());
    }

    @PATCH
    @Consumes({ "application/merge-patch+json", MediaType.APPLICATION_JSON })
    @Operation(operationId = "updateMe", summary = "Change the caller's name, birth year or password",
            description = "A JSON merge patch (RFC 7396; application/json is taken too): only the properties present are "
                    + "changed, and none can be removed, so null is the same as leaving a property out. A new password "
                    + "needs currentPassword and, like logoutEverywhere, ends every token issued before it. "
                    + "A birth year under 13 needs a guardian (guardianEmail, unless one is known), who is asked to consent. "
                    + "Once a guardian's consent is required, no later birth year lifts the requirement.")
    @RequestBody(content = @Content(examples = {
            @ExampleObject(name = "rename", value = "{\"displayName\":\"Sari R.\"}"),
            @ExampleObject(name = "password", value = "{\"currentPassword\":\"buku-itu-jendela\",\"newPassword\":\"membaca-setiap-hari\"}") }))
    @APIResponse(responseCode = "200", description = "The updated account", content = @Content(schema = @Schema(implementation = UserDto.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields or wrong current password", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<UserDto> update(@Valid @NotNull AuthRequests.UpdateMe body) {
        return accounts.updateMe(callers.userId(), body);
    }

    @jakarta.ws.rs.POST
    @Path("/verification")
    @Operation(operationId = "resendEmailVerification", summary = "Send me a new link to verify my e-mail address", description = "The earlier link stops working. "
            + "One request per minute (serambi.accounts.verification-resend-interval).")
    @APIResponse(responseCode = "202", description = "A new link is on its way", content = @Content(
            schema = @Schema(implementation = AuthRequests.SignUp.class), examples = @ExampleObject(name = "sent",
            value = "{\"email\":\"sari@example.id\",\"verificationSent\":true}")))
    @APIResponse(responseCode = "409", description = "The address is already verified", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(
            name = "verified", value = "{\"type\":\"https://serambi.id/problems/already-verified\",\"title\":\"Already verified\",\"status\":409,\"detail\":\"Your e-mail address is already verified\"}")))
    @APIResponse(responseCode = "429", description = "A link was sent moments ago", headers = @org.eclipse.microprofile.openapi.annotations.headers.Header(
            name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> sendVerification() {
        return verifications.resend(callers.userId())
                .map(email -> Response.accepted(new AuthRequests.SignUp(email, true)).build());
    }

    @POST
    @Path("/logout-everywhere")
    @Operation(operationId = "logoutEverywhere", summary = "Log out everywhere: every token issued to me so far stops working, this one included",
            description = "Within a second on every instance. A role change, a password change and erasure do the same.")
    @APIResponse(responseCode = "204", description = "Every earlier token revoked; log in again")
    @APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public Uni<Response> logoutEverywhere() {
        return accounts.revokeTokens(callers.userId()).map(v -> Response.noContent().build());
    }
}
