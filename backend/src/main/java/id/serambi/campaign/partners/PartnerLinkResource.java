package id.serambi.campaign.partners;

import id.serambi.account.Role;
import id.serambi.common.Problem;
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
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/partners/{id}/links")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
@Tag(name = "Partners", description = "Local partners (influencers, schools, communities, radio) and their tracked links (staff; issue 22)")
public class PartnerLinkResource {

    static final String REQUEST = """
            {"targetKind":"EVENT","targetId":12,"campaignId":3,"label":"Poster di perpustakaan sekolah"}""";
    static final String EXAMPLE = """
            {"id":31,"code":"k7m2qx9hta","url":"https://serambi.example/l/k7m2qx9hta","targetKind":"EVENT","targetId":12,\
            "targetTitle":"Bedah Buku: Laskar Pelangi","campaignId":3,"label":"Poster di perpustakaan sekolah",\
            "createdAt":"2026-12-01T02:00:00.000Z"}""";
    static final String HOME = """
            {"id":32,"code":"p4wz8nc3ry","url":"https://serambi.example/l/p4wz8nc3ry","targetKind":"HOME","targetId":null,\
            "targetTitle":null,"campaignId":null,"label":"Bio Instagram","createdAt":"2026-12-01T02:05:00.000Z"}""";
    static final String CLOSED = """
            {"type":"https://serambi.id/problems/validation","title":"Invalid request","status":400,\
            "detail":"targetId: event 12 is CANCELLED: link to an event that is still to come","instance":"/api/partners/4/links",\
            "errors":[{"field":"targetId","message":"event 12 is CANCELLED: link to an event that is still to come"}]}""";
    static final String NOT_FOUND = """
            {"type":"https://serambi.id/problems/not-found","title":"Not found","status":404,"detail":"Link 31 does not exist","instance":"/api/partners/4/links/31"}""";

    private final PartnerLinkService links;

    public PartnerLinkResource(PartnerLinkService links) {
        this.links = links;
    }

    @GET
    @Operation(operationId = "listPartnerLinks", summary = "A partner's links, the newest first, each with its target's title (staff)")
    @APIResponse(responseCode = "200", description = "The partner's links", content = @Content(schema = @Schema(
            implementation = PartnerDtos.LinkView.class, type = SchemaType.ARRAY),
            examples = @ExampleObject(name = "two", value = "[" + HOME + "," + EXAMPLE + "]")))
    @APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such partner", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "missing", value = PartnerResource.NOT_FOUND)))
    public Uni<List<PartnerDtos.LinkView>> list(@PathParam("id") long id) {
        return links.list(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createPartnerLink", summary = "Give a partner a tracked link to an event, a challenge, a survey or the home page (staff)",
            description = "The link is {public URL}/l/{code} with a fresh 10-character code. The target must exist and still be "
                    + "open (an event neither cancelled nor completed, a challenge neither closed nor over, a survey not closed); "
                    + "HOME takes no targetId. The campaign, if given, must exist and not be over. Anything else is a 400 naming "
                    + "the field. A link never changes: delete it and make another.")
    @RequestBody(content = @Content(examples = {
            @ExampleObject(name = "event", value = REQUEST),
            @ExampleObject(name = "home", value = "{\"targetKind\":\"HOME\",\"label\":\"Bio Instagram\"}") }))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = PartnerDtos.LinkView.class),
            examples = { @ExampleObject(name = "event", value = EXAMPLE), @ExampleObject(name = "home", value = HOME) }))
    @APIResponse(responseCode = "400", description = "An unknown or closed target or campaign, a targetId missing (or given for HOME), a too long label",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "cancelled event", value = CLOSED)))
    @APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such partner", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "missing", value = PartnerResource.NOT_FOUND)))
    public Uni<Response> create(@PathParam("id") long id, @Valid @NotNull PartnerDtos.LinkRequest body) {
        return links.create(id, body).map(link -> Response.created(URI.create("/partners/" + id + "/links/" + link.id()))
                .entity(link).build());
    }

    @GET
    @Path("/{linkId}")
    @Operation(operationId = "getPartnerLink", summary = "One of a partner's links (staff)")
    @APIResponse(responseCode = "200", description = "The link", content = @Content(schema = @Schema(implementation = PartnerDtos.LinkView.class),
            examples = @ExampleObject(name = "event", value = EXAMPLE)))
    @APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such partner, or not this partner's link", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "missing", value = NOT_FOUND)))
    public Uni<PartnerDtos.LinkView> get(@PathParam("id") long id, @PathParam("linkId") long linkId) {
        return links.get(id, linkId);
    }

    @DELETE
    @Path("/{linkId}")
    @Operation(operationId = "deletePartnerLink", summary = "Delete a partner's link and its click counts (staff); registrations keep only a dead code")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such partner, or not this partner's link", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "missing", value = NOT_FOUND)))
    public Uni<Response> delete(@PathParam("id") long id, @PathParam("linkId") long linkId) {
        return links.delete(id, linkId).map(nothing -> Response.noContent().build());
    }

    @GET
    @Path("/{linkId}/qr")
    @Produces("image/png")
    @Operation(operationId = "getPartnerLinkQrCode", summary = "A QR code of a partner's link, for a poster (staff)")
    @APIResponse(responseCode = "200", description = "A PNG QR code carrying {public URL}/l/{code}; the link is in the Link header too",
            headers = @Header(name = "Link", description = "The link: <https://serambi.example/l/k7m2qx9hta>; rel=\"alternate\"",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such partner, or not this partner's link", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "missing", value = NOT_FOUND)))
    public Uni<Response> qrCode(@PathParam("id") long id, @PathParam("linkId") long linkId) {
        return links.qrCode(id, linkId).map(code -> Response.ok(code.png(), "image/png")
                .header("Link", "<" + code.url() + ">; rel=\"alternate\"").build());
    }
}
