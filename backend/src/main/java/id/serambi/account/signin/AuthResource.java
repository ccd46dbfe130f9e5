package id.serambi.account.signin;

import id.serambi.account.Accounts;
import id.serambi.account.members.AccountService;
import id.serambi.account.members.AuthRequests;
import id.serambi.account.members.EmailVerification;
import id.serambi.account.members.GuardianConsent;
import id.serambi.account.tokens.TokenService;

import id.serambi.common.Problem;
import id.serambi.common.RateLimits;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/auth")
@Tag(name = "Accounts", description = "Registration, login and the caller's own account")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirements
public class AuthResource {

    private final AccountService accounts;
    private final LoginThrottle throttle;
    private final TokenService tokens;
    private final GuardianConsent guardians;
    private final RateLimits limits;
    private final EmailVerification verifications;

    public AuthResource(AccountService accounts, LoginThrottle throttle, TokenService tokens, GuardianConsent guardians,
            RateLimits limits, EmailVerification verifications) {
        this.verifications = verifications;
        this.accounts = accounts;
        this.throttle = throttle;
        this.tokens = tokens;
        this.guardians = guardians;
        this.limits = limits;
    }

    @POST
    @Path("/register")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "registerAccount", summary = "Sign up as a member", description = "Patrons and teens sign up themselves; staff roles are given by an admin. "
            + "The answer is the same whether or not the e-mail already has an account: a new address gets an account and a "
            + "link to verify it; a known one gets nothing new, and its owner an e-mail saying that someone tried. "
            + "Until the address is verified, the account does not see or erase what guests left under it (event registrations). "
            + "A member under 13 needs guardianEmail: the parent or guardian is asked by e-mail to consent, and the child takes "
            + "part in challenges only after that. Sign-ups are rate-limited per address and e-mail (429 with Retry-After).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "teen",
            value = "{\"email\":\"sari@example.id\",\"password\":\"buku-itu-jendela\",\"displayName\":\"Sari Rahmawati\",\"birthYear\":2010}")))
    @APIResponse(responseCode = "202", description = "Accepted: an e-mail is on its way to the address", content = @Content(
            schema = @Schema(implementation = AuthRequests.SignUp.class), examples = @ExampleObject(name = "accepted",
            value = "{\"email\":\"sari@example.id\",\"verificationSent\":true}")))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "short password",
            value = "{\"type\":\"https://serambi.id/problems/validation\",\"title\":\"Invalid request\",\"status\":400,\"detail\":\"password: size must be between 10 and 200\",\"instance\":\"/api/auth/register\",\"errors\":[{\"field\":\"password\",\"message\":\"size must be between 10 and 200\"}]}")))
    @APIResponse(responseCode = "413", description = "The body is larger than the server takes (serambi.http.max-request-body, 2 MiB by default)", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many sign-ups from this address or for this e-mail",
            headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = SchemaType.INTEGER)))
    public Uni<Response> register(@Valid @NotNull AuthRequests.Register body) {
        limits.check(RateLimits.Action.SIGN_UP, body.email());
        return accounts.register(body).map(ignored -> Response.accepted(
                new AuthRequests.SignUp(body.email().strip(), true)).build());
    }

    @POST
    @Path("/guardian-consent/{token}")
    @Operation(operationId = "confirmGuardianConsent", summary = "A parent or guardian confirms consent for a member under 13 (the link in their e-mail)")
    @APIResponse(responseCode = "204", description = "Consent recorded")
    @APIResponse(responseCode = "404", description = "Unknown or already used link", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public Uni<Response> guardianConsent(@jakarta.ws.rs.PathParam("token") String token) {
        return guardians.confirm(token).map(v -> Response.noContent().build());
    }

    @POST
    @Path("/verify-email/{token}")
    @Operation(operationId = "verifyEmail", summary = "Verify the account's e-mail address (the link in the sign-up e-mail)")
    @APIResponse(responseCode = "204", description = "Address verified")
    @APIResponse(responseCode = "404", description = "Unknown or already used link", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unknown",
            value = "{\"type\":\"https://serambi.id/problems/not-found\",\"title\":\"Not found\",\"status\":404,\"detail\":\"This verification link is unknown or was already used\"}")))
    @APIResponse(responseCode = "410", description = "The link has expired; a logged-in member can ask for a new one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "expired",
            value = "{\"type\":\"https://serambi.id/problems/verification-link-expired\",\"title\":\"Verification link expired\",\"status\":410,\"detail\":\"This verification link has expired; log in and ask for a new one\"}")))
    public Uni<Response> verifyEmail(@jakarta.ws.rs.PathParam("token") String token) {
        return verifications.verify(token).map(v -> Response.noContent().build());
    }

    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "login", summary = "Log in and receive a bearer token",
            description = "Attempts are rate-limited per e-mail, and failed logins are throttled per account and per address "
                    + "across instances: 429 with Retry-After, even for the right password, until the wait is over.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "login",
            value = "{\"email\":\"sari@example.id\",\"password\":\"buku-itu-jendela\"}")))
    @APIResponse(responseCode = "200", description = "Logged in", content = @Content(schema = @Schema(implementation = AuthRequests.Token.class),
            examples = @ExampleObject(name = "token", value = "{\"token\":\"eyJraWQiOi...\",\"expiresAt\":\"2026-11-23T17:00:00.000Z\"}")))
    @APIResponse(responseCode = "401", description = "Wrong e-mail or password", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many attempts or failed logins for the account or the address",
            headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<AuthRequests.Token> login(@Valid @NotNull AuthRequests.Login body) {
        // The in-memory rate limit turns a flood away first; the failure throttle in PostgreSQL holds across instances.
        limits.check(RateLimits.Action.LOGIN, body.email());
        String ip = limits.clientAddress();
        return throttle.begin(body.email(), ip)
                .chain(() -> accounts.authenticate(body.email(), body.password()))
                .chain(user -> {
                    if (user == null) {
                        return Uni.createFrom().failure(new id.serambi.common.ProblemException(401, "invalid-credentials",
                                "Invalid credentials", "The e-mail or password is wrong"));
                    }
                    return throttle.succeeded(body.email(), ip).map(ignored -> tokens.issue(user));
                });
    }
}
