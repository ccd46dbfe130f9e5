package id.serambi.campaign.partners;

import id.serambi.account.Role;
import id.serambi.common.IfMatch;
import id.serambi.common.PageDto;
import id.serambi.common.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/partners")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
@Tag(name = "Partners", description = "Local partners (influencers, schools, communities, radio) and their tracked links (staff; issue 22)")
public class PartnerResource {

    static final String REQUEST = """
            {"name":"Rina Membaca","kind":"INFLUENCER","contact":"Instagram @rinamembaca, WA 0812-0000-1111",\
            "notes":"Bookstagrammer Banjarbaru, 12 rb pengikut; mau mempromosikan bedah buku bulanan"}""";
    static final String EXAMPLE = """
            {"id":4,"name":"Rina Membaca","kind":"INFLUENCER","contact":"Instagram @rinamembaca, WA 0812-0000-1111",\
            "notes":"Bookstagrammer Banjarbaru, 12 rb pengikut; mau mempromosikan bedah buku bulanan","links":2,"version":0,\
            "createdAt":"2026-12-01T02:00:00.000Z","updatedAt":"2026-12-01T02:00:00.000Z"}""";
    static final String INVALID = """
            {"type":"https://serambi.id/problems/validation","title":"Invalid request","status":400,\
            "detail":"kind: must not be null","instance":"/api/partners","errors":[{"field":"kind","message":"must not be null"}]}""";
    static final String TAKEN = """
            {"type":"https://serambi.id/problems/name-taken","title":"Name taken","status":409,\
            "detail":"name: another partner is already called \\"Rina Membaca\\" (names are unique in any letter case)",\
            "instance":"/api/partners","errors":[{"field":"name","message":\
            "another partner is already called \\"Rina Membaca\\" (names are unique in any letter case)"}]}""";
    static final String STALE = """
            {"type":"https://serambi.id/problems/stale-version","title":"Changed by someone else","status":412,\
            "detail":"Partner 4 is at version 2 but you edited version 1; reload it and apply your changes again","instance":"/api/partners/4"}""";
    static final String NOT_FOUND = """
            {"type":"https://serambi.id/problems/not-found","title":"Not found","status":404,"detail":"Partner 4 does not exist","instance":"/api/partners/4"}""";

    private final PartnerService partners;

    public PartnerResource(PartnerService partners) {
        this.partners = partners;
    }

    @GET
    @Operation(operationId = "listPartners", summary = "A page of partners by name, optionally those whose name contains q (staff)")
    @APIResponse(responseCode = "200", description = "A page of partners", content = @Content(schema = @Schema(implementation = PartnerDtos.Page.class),
            examples = @ExampleObject(name = "one", value = "{\"items\":[" + EXAMPLE + "],\"page\":0,\"size\":20,\"total\":1}")))
    @APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PartnerDtos.Page> list(
            @Parameter(description = "Part of the name, in any letter case") @QueryParam("q") String query,
            @Parameter(description = "The page, from 0", schema = @Schema(type = SchemaType.INTEGER, format = "int32",
                    minimum = "0", defaultValue = "0")) @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = "Partners per page, 1 to 100 (a value outside is clamped)", schema = @Schema(
                    type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "100", defaultValue = "20"))
            @QueryParam("size") @DefaultValue("20") int size) {
        PageDto.Request request = PageDto.Request.of(page, size);
        return partners.list(query, request.page(), request.size());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createPartner", summary = "Record a partner (staff)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "influencer", value = REQUEST)))
    @APIResponse(responseCode = "201", description = "Recorded", headers = @Header(name = "ETag", description = "The version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = PartnerDtos.View.class), examples = @ExampleObject(name = "influencer", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A missing or too long name, an unknown kind, a too long contact or note",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "no kind", value = INVALID)))
    @APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Another partner has this name (in any letter case)", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "taken", value = TAKEN)))
    public Uni<Response> create(@Valid @NotNull PartnerDtos.Request body) {
        return partners.create(body).map(p -> Response.created(URI.create("/partners/" + p.id()))
                .tag(new EntityTag(String.valueOf(p.version()))).entity(p).build());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getPartner", summary = "One partner with their contact (staff); the ETag is its version")
    @APIResponse(responseCode = "200", description = "The partner", headers = @Header(name = "ETag", description = "The version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = PartnerDtos.View.class), examples = @ExampleObject(name = "influencer", value = EXAMPLE)))
    @APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such partner", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "missing", value = NOT_FOUND)))
    public Uni<Response> get(@PathParam("id") long id) {
        return partners.get(id).map(PartnerResource::ok);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updatePartner", summary = "Change a partner (staff); needs If-Match with its version")
    @Parameter(name = "If-Match", in = ParameterIn.HEADER, required = true, description = "The partner's ETag, e.g. \"3\"")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "influencer", value = REQUEST)))
    @APIResponse(responseCode = "200", description = "Changed", headers = @Header(name = "ETag", description = "The new version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = PartnerDtos.View.class), examples = @ExampleObject(name = "influencer", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A missing or too long name, an unknown kind, a too long contact or note",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "no kind", value = INVALID)))
    @APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such partner", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "missing", value = NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "Another partner has this name (in any letter case)", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "taken", value = TAKEN)))
    @APIResponse(responseCode = "412", description = "Stale If-Match: someone saved first; the answer carries the current ETag",
            headers = @Header(name = "ETag", description = "The current version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "stale", value = STALE)))
    @APIResponse(responseCode = "428", description = "No If-Match header", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> update(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull PartnerDtos.Request body) {
        int version = IfMatch.version(ifMatch);
        return partners.update(id, version, body).map(PartnerResource::ok);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deletePartner", summary = "Delete a partner with their links and click counts (staff); registrations keep only a dead code")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such partner", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "missing", value = NOT_FOUND)))
    public Uni<Response> delete(@PathParam("id") long id) {
        return partners.delete(id).map(nothing -> Response.noContent().build());
    }

    private static Response ok(PartnerDtos.View partner) {
        return Response.ok(partner).tag(new EntityTag(String.valueOf(partner.version()))).build();
    }
}
