package id.serambi.event.catalogue;

import id.serambi.common.Audience;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.serambi.account.Role;
import id.serambi.common.PageDto;
import id.serambi.common.Problem;
import id.serambi.common.IfMatch;
import id.serambi.common.QueryParameters;
import id.serambi.common.SerambiConfig;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/events")
@Tag(name = "Events", description = "Virtual events: the public catalogue, and staff's planning of events")
@Produces(MediaType.APPLICATION_JSON)
public class EventResource {

    static final String EVENT_EXAMPLE = """
            {"title":"Diskusi Buku: Laskar Pelangi","description":"Membahas novel karya Andrea Hirata.",\
            "type":"BOOK_DISCUSSION","audience":"ALL","language":"id","startsAt":"2026-12-05T11:00:00.000Z",\
            "endsAt":"2026-12-05T12:30:00.000Z","platform":"ZOOM","joinUrl":"https://zoom.us/j/81234567890",\
            "capacity":50,"registrationOpensAt":null,"registrationClosesAt":"2026-12-05T10:00:00.000Z"}""";
    static final String VALIDATION_EXAMPLE = """
            {"type":"https://serambi.id/problems/validation","title":"Invalid request","status":400,\
            "detail":"endsAt: must be after startsAt","instance":"/api/events",\
            "errors":[{"field":"endsAt","message":"must be after startsAt"}]}""";
    static final String NOT_FOUND_EXAMPLE = """
            {"type":"https://serambi.id/problems/not-found","title":"Not found","status":404,\
            "detail":"Event 12 does not exist","instance":"/api/events/12"}""";

    @Schema(name = "EventPage")
    public record EventPage(List<EventDto> items, int page, int size, long total) {
    }

    @Schema(name = "StaffEventPage")
    public record StaffEventPage(List<StaffEventDto> items, int page, int size, long total) {
    }

    static final String PAGE = "The page, from 0";
    static final String SIZE = "Items per page, 1 to 100 (a larger size is read as 100)";
    static final String LANGUAGE_PATTERN = "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$";

    private static final Set<EventStatus> PUBLIC_STATUSES = Set.of(EventStatus.PUBLISHED, EventStatus.COMPLETED);

    static final String STALE_EXAMPLE = """
            {"type":"https://serambi.id/problems/stale-version","title":"Changed by someone else","status":412,\
            "detail":"Event 12 is at version 4 but you edited version 3; reload it and apply your changes again"}""";

    private final EventService events;
    private final ZoneId zone;
    private final CurrentIdentityAssociation identity;
    private final CataloguePages cataloguePages;
    private final ObjectMapper mapper;

    public EventResource(EventService events, SerambiConfig config, CurrentIdentityAssociation identity,
            CataloguePages cataloguePages, ObjectMapper mapper) {
        this.events = events;
        this.zone = config.library().timeZone();
        this.identity = identity;
        this.cataloguePages = cataloguePages;
        this.mapper = mapper;
    }

    // ---- public catalogue ----

    @GET
    @SecurityRequirements
    @Operation(operationId = "listEvents", summary = "The public catalogue: published and completed events, soonest first",
            description = "Without from/to, only events that have not ended. Sorted by start time, then id. "
                    + "Enum filters are read in any letter case.")
    @APIResponse(responseCode = "200", description = "A page of events (never with join URLs)",
            content = @Content(schema = @Schema(implementation = EventPage.class)))
    @APIResponse(responseCode = "400", description = "A bad filter", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "bad type", value = """
                    {"type":"https://serambi.id/problems/validation","title":"Invalid request","status":400,\
                    "detail":"type: must be one of BOOK_DISCUSSION, SEMINAR, ONLINE_LECTURE, LIVE_QA, WORKSHOP, BOOK_CLUB",\
                    "errors":[{"field":"type","message":"must be one of BOOK_DISCUSSION, SEMINAR, ONLINE_LECTURE, LIVE_QA, WORKSHOP, BOOK_CLUB"}]}""")))
    public Uni<Response> catalogue(
            @Parameter(description = "Only events of this type", schema = @Schema(implementation = EventType.class)) @QueryParam("type") String type,
            @Parameter(description = "CHILDREN, TEENS or ADULTS also list events for ALL", schema = @Schema(implementation = Audience.class)) @QueryParam("audience") String audience,
            @Parameter(description = "BCP 47 language tag", schema = @Schema(type = SchemaType.STRING, pattern = LANGUAGE_PATTERN), example = "id") @QueryParam("language") String language,
            @Parameter(description = "Start at or after: a date in the library's zone or an instant", schema = @Schema(type = SchemaType.STRING, anyOf = { LocalDate.class, Instant.class }), example = "2026-12-01") @QueryParam("from") String from,
            @Parameter(description = "Start before the end of this date (library zone), or before this instant", schema = @Schema(type = SchemaType.STRING, anyOf = { LocalDate.class, Instant.class }), example = "2026-12-31") @QueryParam("to") String to,
            @Parameter(description = PAGE, schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0", defaultValue = "0")) @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = SIZE, schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "100", defaultValue = "20")) @QueryParam("size") @DefaultValue("20") int size) {
        QueryParameters query = new QueryParameters();
        EventRepository.Filter filter = new EventRepository.Filter(PUBLIC_STATUSES,
                query.enumValue("type", type, EventType.class), query.enumValue("audience", audience, Audience.class),
                query.language("language", language), instant(query, "from", from, false),
                instant(query, "to", to, true), true);
        query.check();
        PageDto.Request request = PageDto.Request.of(page, size);
        return cataloguePages.page(new CataloguePages.Key(filter, request.page(), request.size()),
                () -> events.catalogue(filter, request.page(), request.size()).map(found -> render(found, request)))
                .map(json -> Response.ok(json, MediaType.APPLICATION_JSON_TYPE).build());
    }

    /** The page as JSON, valid until the first of its events opens or closes registration or ends. */
    private CataloguePages.Rendered render(EventService.Listed<EventDto> found, PageDto.Request request) {
        Instant now = Instant.now();
        Instant validUntil = found.nextEnd();
        for (EventDto e : found.items()) {
            // registrationClosesAt is the effective close: the end of the event unless set
            for (Instant moment : new Instant[] { e.registrationOpensAt(), e.registrationClosesAt(), e.endsAt() }) {
                if (moment != null && moment.isAfter(now)) {
                    validUntil = CataloguePages.earliest(validUntil, moment);
                }
            }
        }
        EventPage body = new EventPage(found.items(), request.page(), request.size(), found.total());
        try {
            return new CataloguePages.Rendered(mapper.writeValueAsBytes(body), validUntil);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Path("/{id}")
    @SecurityRequirements
    @Operation(operationId = "getEvent", summary = "One event as the public sees it; drafts only for staff")
    @APIResponse(responseCode = "200", description = "The event (never with its join URL)",
            content = @Content(schema = @Schema(implementation = EventDto.class)))
    @APIResponse(responseCode = "404", description = "No such event, or a draft", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "missing", value = NOT_FOUND_EXAMPLE)))
    public Uni<EventDto> event(@PathParam("id") long id) {
        return identity.getDeferredIdentity().chain(caller -> events.publicView(id, isStaff(caller)));
    }

    @GET
    @Path("/{id}/calendar.ics")
    @Produces(EventCalendar.MEDIA_TYPE)
    @SecurityRequirements
    @Operation(operationId = "downloadEventCalendar", summary = "One event as an iCalendar file (RFC 5545) with an alarm an hour before; no join URL")
    @APIResponse(responseCode = "200", description = "An iCalendar file, as an attachment (acara-{id}.ics)",
            content = @Content(mediaType = "text/calendar", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=\"acara-12.ics\"",
                    schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such event, or a draft", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "missing", value = NOT_FOUND_EXAMPLE)))
    public Uni<Response> calendar(@PathParam("id") long id) {
        return events.publicCalendar(id).map(ics -> Response.ok(ics)
                .type(EventCalendar.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"acara-" + id + ".ics\"")
                .build());
    }

    // ---- staff ----

    @GET
    @Path("/manage")
    @RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
    @Operation(operationId = "listManagedEvents", summary = "Every event in any status, with join URLs (staff)",
            description = "Sorted by start time, then id. Enum filters are read in any letter case.")
    @APIResponse(responseCode = "200", description = "A page of events", content = @Content(schema = @Schema(implementation = StaffEventPage.class)))
    @APIResponse(responseCode = "400", description = "A bad filter", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<StaffEventPage> manage(
            @Parameter(description = "Only events in this status; all when absent", schema = @Schema(implementation = EventStatus.class)) @QueryParam("status") String status,
            @Parameter(description = "Only events of this type", schema = @Schema(implementation = EventType.class)) @QueryParam("type") String type,
            @Parameter(description = "Start at or after: a date in the library's zone or an instant", schema = @Schema(type = SchemaType.STRING, anyOf = { LocalDate.class, Instant.class }), example = "2026-12-01") @QueryParam("from") String from,
            @Parameter(description = "Start before the end of this date (library zone), or before this instant", schema = @Schema(type = SchemaType.STRING, anyOf = { LocalDate.class, Instant.class }), example = "2026-12-31") @QueryParam("to") String to,
            @Parameter(description = PAGE, schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0", defaultValue = "0")) @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = SIZE, schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "100", defaultValue = "20")) @QueryParam("size") @DefaultValue("20") int size) {
        QueryParameters query = new QueryParameters();
        EventStatus wanted = query.enumValue("status", status, EventStatus.class);
        EventRepository.Filter filter = new EventRepository.Filter(
                wanted == null ? EnumSet.allOf(EventStatus.class) : Set.of(wanted),
                query.enumValue("type", type, EventType.class), null, null, instant(query, "from", from, false),
                instant(query, "to", to, true), false);
        query.check();
        PageDto.Request request = PageDto.Request.of(page, size);
        return events.manage(filter, request.page(), request.size()).map(found -> new StaffEventPage(
                found.items(), request.page(), request.size(), found.total()));
    }

    @GET
    @Path("/manage/{id}")
    @RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
    @Operation(operationId = "getManagedEvent", summary = "One event with its join URL (staff); the ETag is its version, for If-Match when editing")
    @APIResponse(responseCode = "200", description = "The event", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = StaffEventDto.class)))
    @APIResponse(responseCode = "404", description = "No such event", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "missing", value = NOT_FOUND_EXAMPLE)))
    public Uni<Response> managed(@PathParam("id") long id) {
        return events.staffView(id).map(EventResource::ok);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
    @Operation(operationId = "createEvent", summary = "Create an event as a DRAFT (staff)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "book discussion", value = EVENT_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created; Location names the event, the ETag is its version", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = StaffEventDto.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "ends before start", value = VALIDATION_EXAMPLE)))
    @APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> create(@Valid @NotNull EventRequest body) {
        return events.create(body).map(event -> Response.created(URI.create("/events/" + event.id()))
                .tag(new EntityTag(String.valueOf(event.version()))).entity(event).build());
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
    @Operation(operationId = "replaceEvent", summary = "Replace an event's fields (staff); needs If-Match with its version",
            description = "Every field is replaced; an optional field left out or null is cleared. "
                    + "Raising the capacity of a published event promotes waitlisted registrants, in arrival order, "
                    + "and e-mails them. Moving a published event e-mails its registrants.")
    @Parameter(name = "If-Match", in = ParameterIn.HEADER, required = true, description = "The event's ETag, e.g. \"3\"",
            schema = @Schema(type = SchemaType.STRING))
    @RequestBody(content = @Content(examples = @ExampleObject(name = "book discussion", value = EVENT_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The event; the ETag is its new version", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = StaffEventDto.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, or a capacity below the confirmed registrations", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "ends before start", value = VALIDATION_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such event", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The event is cancelled or completed")
    @APIResponse(responseCode = "412", description = "Stale If-Match: someone saved first; the answer carries the current ETag", headers = @Header(name = "ETag", description = "The current version"), content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "stale", value = STALE_EXAMPLE)))
    @APIResponse(responseCode = "428", description = "No If-Match header", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> replace(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull EventRequest body) {
        int version = IfMatch.version(ifMatch);
        return events.replace(id, version, body).map(EventResource::ok);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({ "application/merge-patch+json", MediaType.APPLICATION_JSON })
    @RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
    @Operation(operationId = "patchEvent", summary = "Change some of an event's fields (staff); needs If-Match with its version",
            description = "An RFC 7396 merge patch: only the properties present change, and null clears an optional "
                    + "one (capacity: unlimited; registrationOpensAt/registrationClosesAt: no bound). An unknown "
                    + "property is a 400. The merged event must pass the same rules as a PUT: the end after the start, "
                    + "a sane registration window, and a capacity not below the seats already taken (a 400 otherwise). "
                    + "Raising the capacity of a published event, or making it unlimited, gives the freed seats to the "
                    + "waitlist in arrival order and e-mails those promoted; moving a published event e-mails its "
                    + "registrants and re-arms their reminders. A cancelled or completed event cannot be changed (409), "
                    + "nor can a version someone else saved meanwhile (412 with the current ETag).")
    @Parameter(name = "If-Match", in = ParameterIn.HEADER, required = true, description = "The event's ETag, e.g. \"3\"",
            schema = @Schema(type = SchemaType.STRING))
    @RequestBody(required = true, content = {
            @Content(mediaType = "application/merge-patch+json", schema = @Schema(implementation = EventPatch.class),
                    examples = { @ExampleObject(name = "more seats", value = "{\"capacity\":80}"),
                            @ExampleObject(name = "unlimited, open now", value = "{\"capacity\":null,\"registrationOpensAt\":null}") }),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventPatch.class),
                    examples = @ExampleObject(name = "more seats", value = "{\"capacity\":80}")) })
    @APIResponse(responseCode = "200", description = "The event; the ETag is its new version", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = StaffEventDto.class)))
    @APIResponse(responseCode = "400", description = "Invalid or unknown fields", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "ends before start", value = VALIDATION_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such event", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The event is cancelled or completed")
    @APIResponse(responseCode = "412", description = "Stale If-Match: someone saved first; the answer carries the current ETag", headers = @Header(name = "ETag", description = "The current version"), content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "stale", value = STALE_EXAMPLE)))
    @APIResponse(responseCode = "428", description = "No If-Match header", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> patch(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            @NotNull ObjectNode body) {
        int version = IfMatch.version(ifMatch);
        return events.patch(id, version, body).map(EventResource::ok);
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
    @Operation(operationId = "publishEvent", summary = "Publish a draft: it appears in the catalogue (staff)")
    @APIResponse(responseCode = "200", description = "The published event", content = @Content(schema = @Schema(implementation = StaffEventDto.class)))
    @APIResponse(responseCode = "404", description = "No such event", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not a draft, already over, or its start has passed (event-started, naming startsAt)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = {
            @ExampleObject(name = "not a draft", value = """
            {"type":"https://serambi.id/problems/event-not-draft","title":"Not a draft","status":409,\
            "detail":"Event 12 is PUBLISHED; only a DRAFT can be published","instance":"/api/events/12/publish"}"""),
            @ExampleObject(name = "start passed", value = """
            {"type":"https://serambi.id/problems/event-started","title":"Start in the past","status":409,\
            "detail":"Event 12 starts at 2026-12-01T11:00:00Z, which has passed; move its start to a time that is still to come before publishing it",\
            "instance":"/api/events/12/publish","errors":[{"field":"startsAt","message":"must be in the future to publish the event"}]}""") }))
    public Uni<StaffEventDto> publish(@PathParam("id") long id) {
        return events.publish(id);
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
    @Operation(operationId = "cancelEvent", summary = "Cancel an event and e-mail every active registrant (staff)")
    @APIResponse(responseCode = "200", description = "The cancelled event", content = @Content(schema = @Schema(implementation = StaffEventDto.class)))
    @APIResponse(responseCode = "404", description = "No such event", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already cancelled or completed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "already cancelled", value = """
            {"type":"https://serambi.id/problems/event-closed","title":"Event closed","status":409,\
            "detail":"Event 12 is already CANCELLED","instance":"/api/events/12/cancel"}""")))
    public Uni<StaffEventDto> cancel(@PathParam("id") long id) {
        return events.cancel(id);
    }

    private static Response ok(StaffEventDto event) {
        return Response.ok(event).tag(new EntityTag(String.valueOf(event.version()))).build();
    }

    /** A date or instant of a range, within the years an event may have (see {@link EventRules#inRange}). */
    private Instant instant(QueryParameters query, String name, String value, boolean endOfRange) {
        Instant instant = query.instant(name, value, zone, endOfRange);
        if (!EventRules.inRange(instant)) {
            query.invalid(name, EventRules.OUT_OF_RANGE);
            return null;
        }
        return instant;
    }

    static boolean isStaff(SecurityIdentity caller) {
        return caller != null && !caller.isAnonymous()
                && (caller.hasRole(Role.STAFF_NAME) || caller.hasRole(Role.ADMIN_NAME));
    }
}
