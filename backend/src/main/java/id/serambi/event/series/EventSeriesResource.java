package id.serambi.event.series;

import id.serambi.account.Role;
import id.serambi.common.Problem;
import id.serambi.common.RateLimits;
import id.serambi.event.registration.RegistrationRequest;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/event-series")
@Tag(name = "Event series", description = "Recurring events such as a monthly book club: staff create them, patrons see their sessions and register for all at once")
@Produces(MediaType.APPLICATION_JSON)
public class EventSeriesResource {

    private final EventSeriesService series;
    private final RateLimits limits;

    public EventSeriesResource(EventSeriesService series, RateLimits limits) {
        this.series = series;
        this.limits = limits;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
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
    @RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
    @Operation(operationId = "getEventSeries", summary = "A series with its occurrences, in order (staff)")
    @APIResponse(responseCode = "200", description = "The series", content = @Content(schema = @Schema(implementation = SeriesDto.class)))
    @APIResponse(responseCode = "404", description = "No such series", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<SeriesDto> series(@PathParam("id") long id) {
        return series.find(id);
    }

    @GET
    @Path("/{id}/sessions")
    @SecurityRequirements
    @Operation(operationId = "getSeriesSessions", summary = "A series' sessions as anyone may see them, in date order",
            description = "Drafts are left out; each session is the public event (no join URL).")
    @APIResponse(responseCode = "200", description = "The series and its sessions", content = @Content(schema = @Schema(implementation = SeriesSessionsDto.class)))
    @APIResponse(responseCode = "404", description = "No such series", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<SeriesSessionsDto> sessions(@PathParam("id") long id) {
        return series.sessions(id);
    }

    @POST
    @Path("/{id}/registrations")
    @SecurityRequirements
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "registerForSeries", summary = "Register once for every open session of a series (no account needed)",
            description = """
                    Registers the patron for every session of the series that takes registrations now, all or nothing \
                    in one transaction: each session is CONFIRMED while it has seats, else WAITLISTED, by the same \
                    seat rules as registering for one event (capacity is never exceeded). A session the e-mail is \
                    already registered for keeps that registration. If any session refuses, nothing is written.

                    As for one event, the answer is the same whoever registers and carries no status and no token: \
                    one e-mail lists each session with its status and its own manage link (each session is cancelled \
                    on its own). The same caps apply (429 with Retry-After).""")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "patron", value = """
            {"name":"Siti Nurhaliza","email":"siti@example.id","whatsapp":"0812-3456-7890"}""")))
    @APIResponse(responseCode = "202", description = "Received; the confirmation with the manage links is e-mailed",
            content = @Content(schema = @Schema(implementation = SeriesRegistrationResult.class), examples = @ExampleObject(
                    name = "received", value = """
                            {"seriesId":3,"email":"siti@example.id","sessions":[{"eventId":12,"startsAt":"2026-12-12T07:00:00.000Z"},\
                            {"eventId":13,"startsAt":"2027-01-12T07:00:00.000Z"}],"emailSent":true}""")))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such series", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "No session takes registrations now, or one stopped while registering (nothing written)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(
                    name = "none open", value = """
                            {"type":"https://serambi.id/problems/no-open-sessions","title":"No open session","status":409,\
                            "detail":"No session of series 3 takes registrations now"}""")))
    @APIResponse(responseCode = "429", description = "Too many registrations from this address or for this e-mail",
            headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = SchemaType.INTEGER)))
    public Uni<Response> register(@PathParam("id") long id, @Valid @NotNull RegistrationRequest body) {
        limits.check(RateLimits.Action.EVENT_REGISTRATION, body.email());
        return series.register(id, body).map(result -> Response.accepted(result).build());
    }
}
