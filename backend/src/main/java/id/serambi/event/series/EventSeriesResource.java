package id.serambi.event.series;

import id.serambi.account.Role;
import id.serambi.common.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/event-series")
@Tag(name = "Event series", description = "Recurring events such as a monthly book club (staff)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
public class EventSeriesResource {

    private final EventSeriesService series;

    public EventSeriesResource(EventSeriesService series) {
        this.series = series;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createEventSeries", summary = "Create a series and its monthly occurrences (staff)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "monthly teen book club", value = """
            {"title":"Klub Buku Remaja","occurrences":6,"publish":true,"first":{"title":"Klub Buku Remaja",\
            "description":"Bertemu sebulan sekali membahas buku pilihan anggota.","type":"BOOK_CLUB","audience":"TEENS",\
            "language":"id","startsAt":"2026-12-12T07:00:00.000Z","endsAt":"2026-12-12T08:30:00.000Z","platform":"ZOOM",\
            "joinUrl":"https://zoom.us/j/81234567890","capacity":25}}""")))
    @APIResponse(responseCode = "201", description = "The series with its occurrences", content = @Content(schema = @Schema(implementation = SeriesDto.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "too many", value = """
            {"type":"https://serambi.id/problems/validation","title":"Invalid request","status":400,\
            "detail":"occurrences: must be less than or equal to 24","errors":[{"field":"occurrences","message":"must be less than or equal to 24"}]}""")))
    @APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> create(@Valid @NotNull SeriesRequest body) {
        return series.create(body).map(created -> Response.created(URI.create("/event-series/" + created.id()))
                .entity(created).build());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getEventSeries", summary = "A series with its occurrences, in order (staff)")
    @APIResponse(responseCode = "200", description = "The series", content = @Content(schema = @Schema(implementation = SeriesDto.class)))
    @APIResponse(responseCode = "404", description = "No such series", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<SeriesDto> series(@PathParam("id") long id) {
        return series.find(id);
    }
}
