package id.serambi.account.members;

import id.serambi.account.Role;

import id.serambi.common.PageDto;
import id.serambi.common.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/users")
@Tag(name = "Users", description = "Account administration (admin only)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
public class UserResource {

    @Schema(name = "UserPage", requiredProperties = { "items", "page", "size", "total" })
    public record UserPage(java.util.List<UserDto> items, int page, int size, long total) {
    }

    private final AccountService accounts;

    public UserResource(AccountService accounts) {
        this.accounts = accounts;
    }

    @GET
    @Operation(operationId = "listUsers", summary = "List accounts, newest last, optionally filtered by e-mail or name")
    @APIResponse(responseCode = "200", description = "A page of accounts", content = @Content(schema = @Schema(implementation = UserPage.class)))
    @APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<UserPage> list(@Parameter(description = "Part of the e-mail or the name") @QueryParam("q") String query,
            @Parameter(description = "The page, from 0", schema = @Schema(type = SchemaType.INTEGER, format = "int32",
                    minimum = "0", defaultValue = "0")) @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = "Accounts per page, 1 to 100 (a value outside is clamped)", schema = @Schema(
                    type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "100", defaultValue = "20"))
            @QueryParam("size") @DefaultValue("20") int size) {
        PageDto.Request request = PageDto.Request.of(page, size);
        return accounts.list(query, request.page(), request.size()).map(found -> new UserPage(
                found.users(), request.page(), request.size(), found.total()));
    }

    @PUT
    @Path("/{id}/role")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changeUserRole", summary = "Change an account's role",
            description = "Every token the account holds stops working (it logs in again with the new role). The last admin cannot lose the role (409).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "make staff", value = "{\"role\":\"STAFF\"}")))
    @APIResponse(responseCode = "200", description = "The account with its new role", content = @Content(schema = @Schema(implementation = UserDto.class)))
    @APIResponse(responseCode = "404", description = "No such account", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Would remove the last admin", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<UserDto> changeRole(@PathParam("id") long id, @Valid @NotNull AuthRequests.RoleChange body) {
        return accounts.changeRole(id, body.role());
    }
}
