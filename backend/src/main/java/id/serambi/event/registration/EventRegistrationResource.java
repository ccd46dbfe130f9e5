package id.serambi.event.registration;

import id.serambi.account.Role;
import id.serambi.common.PageDto;
import id.serambi.common.Problem;
import id.serambi.common.ProblemException;
import id.serambi.common.QueryParameters;
import id.serambi.common.RateLimits;
import id.serambi.common.XlsxExport;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/events/{id}/registrations")
@Tag(name = "Registrations", description = "Patrons register without an account; staff see, export and check in registrants")
public class EventRegistrationResource {

    static final String CSV = "text/csv";
    static final String XLSX = XlsxExport.MEDIA_TYPE;

    @Schema(name = "StaffRegistrationPage")
    public record StaffRegistrationPage(List<StaffRegistrationDto> items, int page, int size, long total) {
    }

    private final RegistrationService registrations;
    private final RegistrationCsv csv;
    private final RegistrationXlsx xlsx;
    private final RateLimits limits;

    public EventRegistrationResource(RegistrationService registrations, RegistrationCsv csv, RegistrationXlsx xlsx,
            RateLimits limits) {
        this.registrations = registrations;
        this.csv = csv;
        this.xlsx = xlsx;
        this.limits = limits;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirements
    @Operation(operationId = "registerForEvent", summary = "Register for an event (no account needed)",
            description = """
                    A published event takes registrations inside its window (from registrationOpensAt, or publication, \
                    until registrationClosesAt, or the end of the event); otherwise 409.

                    **Seats and waitlist.** The registration is CONFIRMED while seats are left (capacity null: \
                    unlimited), else WAITLISTED at the back of the line; seats are claimed in the database, so \
                    concurrent registrations never exceed the capacity. A seat is freed when a confirmed patron cancels \
                    (DELETE /api/registrations/{token}) or erases their data before the event, and when staff raise \
                    the capacity: freed seats go to the waitlist in arrival order, and each patron promoted is e-mailed. \
                    Staff can also promote a chosen waitlisted registrant while a seat is free.

                    **Idempotent per e-mail.** One active registration per event and e-mail (compared in any letter \
                    case). Registering again with the same e-mail creates nothing and changes nothing: the answer is \
                    the same 202 with the same body as for a new registration, so it reveals nobody's registration, \
                    and the owner is e-mailed a fresh manage link to the registration they already have (earlier \
                    links keep working). After a cancellation the e-mail may register again, at the back of the line.

                    **Nothing secret in the answer.** Neither the status nor the manage token is in the response: \
                    both, with the join URL for a seat holder, are e-mailed to the address. The body never carries a \
                    token, so it never carries a null one either.

                    **Caps.** At most 5 registrations per e-mail and 60 per client address every 10 minutes \
                    (configurable); over either, 429 with Retry-After.

                    **Attribution (issue 22).** `ref`, optional, is the code of the tracked link that brought the \
                    patron (the `?ref=` the short link /l/{code} adds to the event page): 10 characters of \
                    23456789abcdefghjkmnpqrstuvwxyz, else 400 naming `ref` and nothing is stored. The new registration \
                    keeps only that code, for the funnel; a repeat keeps the first one's. Erasure removes it.""")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "patron", value = """
            {"name":"Siti Nurhaliza","email":"siti@example.id","whatsapp":"0812-3456-7890","ageGroup":"ADULT"}""")))
    @APIResponse(responseCode = "202", description = "Received, for a new or an already registered e-mail alike; the confirmation with the manage link is e-mailed",
            content = @Content(schema = @Schema(implementation = RegistrationResult.class), examples = @ExampleObject(
                    name = "received", value = """
                            {"eventId":12,"email":"siti@example.id","emailSent":true}""")))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "bad e-mail", value = """
                    {"type":"https://serambi.id/problems/validation","title":"Invalid request","status":400,\
                    "detail":"email: must be a well-formed email address",\
                    "errors":[{"field":"email","message":"must be a well-formed email address"}]}""")))
    @APIResponse(responseCode = "404", description = "No such event", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Outside the registration window, or the event is a draft, cancelled "
            + "or over (the same for an e-mail already registered, whose owner still gets a new manage link while the "
            + "event is on)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "closed", value = """
                            {"type":"https://serambi.id/problems/registration-closed","title":"Registration closed",\
                            "status":409,"detail":"Registration for event 12 closed at 2026-12-05T10:00:00.000Z"}""")))
    @APIResponse(responseCode = "429", description = "Too many registrations from this address or for this e-mail",
            headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = SchemaType.INTEGER)))
    public Uni<Response> register(@PathParam("id") long id, @Valid @NotNull RegistrationRequest body) {
        limits.check(RateLimits.Action.EVENT_REGISTRATION, body.email());
        return registrations.register(id, body).map(result -> Response.accepted(result).build());
    }

    @GET
    @Produces({ MediaType.APPLICATION_JSON, CSV, XLSX })
    @RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
    @Operation(operationId = "listRegistrants", summary = "The event's registrants, in arrival order (staff)",
            description = "JSON by default, paged. With Accept: text/csv, every registrant as a spreadsheet for machines: "
                    + "UTF-8 with a byte-order mark (so Excel keeps names intact), comma-separated, the API's codes "
                    + "(CONFIRMED), times in the library's zone; text that a spreadsheet could run as a formula (also "
                    + "after a ',' or ';' inside it) gets a leading ', as OWASP advises. With Accept: " + XLSX + ", every "
                    + "registrant as an Excel file for people: Indonesian headers, statuses (Terkonfirmasi, Daftar "
                    + "tunggu, Dibatalkan, Hadir) and age groups, times as date cells in WITA, and every text as a text "
                    + "cell, which a spreadsheet never evaluates.")
    @APIResponse(responseCode = "200", description = "A page of registrations, the CSV or the Excel file", headers = @Header(
            name = "Content-Disposition", description = "With text/csv or the Excel type: attachment; filename=\"pendaftar-acara-<id>.csv\" (or .xlsx)",
            schema = @Schema(type = SchemaType.STRING)), content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StaffRegistrationPage.class)),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING, format = "binary"), examples = @ExampleObject(name = "csv", value = "ID,Nama,E-mail,WhatsApp,Kelompok usia,Status,Terdaftar,Dikonfirmasi,Dibatalkan,Hadir\r\n"
                    + "311,Siti Nurhaliza,siti@example.id,'+6281234567890,ADULT,CONFIRMED,2026-11-23 17:05,2026-11-23 17:05,,\r\n")),
            @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary", description = "An .xlsx workbook with one sheet, Pendaftar")) })
    @APIResponse(responseCode = "400", description = "A bad status filter", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such event", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> list(@PathParam("id") long id,
            @Parameter(description = "Only registrations in this status (any letter case); all when absent",
                    schema = @Schema(implementation = RegistrationStatus.class)) @QueryParam("status") String status,
            @Parameter(description = "A fragment of the name, e-mail or WhatsApp number (JSON only)",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 100)) @QueryParam("q") String search,
            @Parameter(description = "The page, from 0 (JSON only)",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0", defaultValue = "0")) @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = "Items per page, 1 to 100 (a larger size is read as 100; JSON only)",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "100", defaultValue = "50")) @QueryParam("size") @DefaultValue("50") int size,
            @Context HttpHeaders headers) {
        QueryParameters query = new QueryParameters();
        RegistrationStatus wanted = query.enumValue("status", status, RegistrationStatus.class);
        query.check();
        if (wants(headers, XLSX)) {
            return registrations.ofEvent(id, wanted).chain(all -> XlsxExport.offTheEventLoop(() -> xlsx.write(all)))
                    .map(file -> Response.ok(file).type(XLSX)
                    .header("Content-Disposition", XlsxExport.attachment("pendaftar-acara-" + id + ".xlsx"))
                    .build());
        }
        if (wantsCsv(headers)) {
            return registrations.ofEvent(id, wanted).map(all -> Response.ok(csv.write(all))
                    .type(CSV + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"pendaftar-acara-" + id + ".csv\"")
                    .build());
        }
        PageDto.Request request = PageDto.Request.of(page, size);
        if (search != null && search.length() > 100) {
            throw ProblemException.invalidField("q", "must be at most 100 characters");
        }
        return registrations.page(id, wanted, search, request.page(), request.size()).map(found -> Response.ok(
                new StaffRegistrationPage(found.items(), request.page(), request.size(), found.total()))
                .type(MediaType.APPLICATION_JSON).build());
    }

    /** CSV only when the client prefers it to JSON; a wildcard or no Accept header means JSON. */
    static boolean wantsCsv(HttpHeaders headers) {
        return wants(headers, CSV);
    }

    /** The media type only when the client prefers it to JSON; a wildcard or no Accept header means JSON. */
    static boolean wants(HttpHeaders headers, String mediaType) {
        MediaType wanted = MediaType.valueOf(mediaType);
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isWildcardType() || type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !type.isWildcardSubtype()) {
                return false;
            }
            if (type.getType().equalsIgnoreCase(wanted.getType()) && type.getSubtype().equalsIgnoreCase(wanted.getSubtype())) {
                return true;
            }
        }
        return false;
    }

    @Schema(name = "MoveRequest")
    public record MoveRequest(@NotNull @Schema(examples = "13") Long targetEventId) {
    }

    @POST
    @Path("/move")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
    @Operation(operationId = "moveRegistrants", summary = "Move every active registrant to another event, such as a rescheduled session (staff)",
            description = "Seat holders first, then the waitlist, each in arrival order, while the target has seats. "
                    + "The source event and its registrations are cancelled. Moved patrons are e-mailed a new "
                    + "manage link.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "to the new date", value = "{\"targetEventId\":13}")))
    @APIResponse(responseCode = "200", description = "What was moved", content = @Content(schema = @Schema(implementation = MoveResult.class)))
    @APIResponse(responseCode = "400", description = "No target, or the same event", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such event", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The source is not published, or the target is not open", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<MoveResult> move(@PathParam("id") long id, @Valid @NotNull MoveRequest body) {
        return registrations.move(id, body.targetEventId());
    }

    @POST
    @Path("/{registrationId}/check-in")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
    @Operation(operationId = "checkInRegistrant", summary = "Check a confirmed registrant in: ATTENDED (staff)")
    @APIResponse(responseCode = "200", description = "The registration", content = @Content(schema = @Schema(implementation = StaffRegistrationDto.class)))
    @APIResponse(responseCode = "404", description = "No such registration for this event", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not confirmed (waitlisted or cancelled)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<StaffRegistrationDto> checkIn(@PathParam("id") long id, @PathParam("registrationId") long registrationId) {
        return registrations.checkIn(id, registrationId);
    }

    @Schema(name = "CheckInByCodeRequest")
    public record CheckInByCode(@jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 16)
            @Schema(description = "The code in the patron's QR", examples = "3f9a1c7d2b4e") String code) {
    }

    @POST
    @Path("/check-in")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
    @Operation(operationId = "checkInByCode", summary = "Check a patron in by the code in their QR (staff)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "scanned", value = "{\"code\":\"3f9a1c7d2b4e\"}")))
    @APIResponse(responseCode = "200", description = "The registration, now ATTENDED", content = @Content(schema = @Schema(implementation = StaffRegistrationDto.class)))
    @APIResponse(responseCode = "404", description = "No registration of this event has that code", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not confirmed (waitlisted or cancelled)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<StaffRegistrationDto> checkInByCode(@PathParam("id") long id, @Valid @NotNull CheckInByCode body) {
        return registrations.checkInByCode(id, body.code().strip());
    }

    @POST
    @Path("/{registrationId}/promote")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
    @Operation(operationId = "promoteRegistrant", summary = "Give a waitlisted registrant a seat, if one is left, and e-mail them (staff)",
            description = "Takes a seat for this WAITLISTED registrant of a published event, out of arrival order, if "
                    + "one is free; the registrant becomes CONFIRMED and is e-mailed a new manage link with the join "
                    + "URL. Freed seats normally go to the waitlist by themselves, in arrival order (when a patron "
                    + "cancels or erases their data, or staff raise the capacity); this seats a particular person "
                    + "out of that order while a seat is free. With every seat taken it is a 409 event-full (raising "
                    + "the capacity promotes the waitlist in arrival order instead). A registrant who is not "
                    + "waitlisted, or an event that is not published, is a 409 too.")
    @APIResponse(responseCode = "200", description = "The registration, now CONFIRMED", content = @Content(schema = @Schema(implementation = StaffRegistrationDto.class)))
    @APIResponse(responseCode = "404", description = "No such registration for this event", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not waitlisted, or no seat left", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "full", value = """
            {"type":"https://serambi.id/problems/event-full","title":"Event full","status":409,\
            "detail":"All 50 seats are taken; raise the capacity first"}""")))
    public Uni<StaffRegistrationDto> promote(@PathParam("id") long id, @PathParam("registrationId") long registrationId) {
        return registrations.promote(id, registrationId);
    }
}
