package id.serambi.survey.answer;

import id.serambi.account.Role;
import id.serambi.common.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/surveys/{id}/qr.png")
@RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
@Tag(name = "Survey builder", description = "Surveys staff build, publish and close (issue 20)")
public class SurveyQrResource {

    private final AnswerService answers;
    private final SurveyQr qr;

    public SurveyQrResource(AnswerService answers, SurveyQr qr) {
        this.answers = answers;
        this.qr = qr;
    }

    @GET
    @Produces("image/png")
    @Operation(operationId = "getSurveyQrCode", summary = "A QR code of the survey's public page, to print or share (staff)")
    @APIResponse(responseCode = "200", description = "A PNG QR code carrying <public URL>/survei/{id}; the link is in the Link header too",
            headers = @Header(name = "Link", description = "The public page: <https://serambi.example/survei/1>; rel=\"alternate\"",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such survey", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> qrCode(@PathParam("id") long id) {
        return answers.existing(id).map(found -> Response.ok(qr.png(id), "image/png")
                .header("Link", "<" + qr.link(id) + ">; rel=\"alternate\"").build());
    }
}
