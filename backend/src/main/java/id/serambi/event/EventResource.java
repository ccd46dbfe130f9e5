package id.serambi.event;

import id.serambi.common.Audience;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.serambi.account.Role;
import id.serambi.common.PageDto;
import id.serambi.common.Problem;
import id.serambi.common.ProblemException;
import id.serambi.common.SerambiConfig;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
            "type":"BOOK_DISCUSSION","audience":"ALL","language":"id","startsAt":"2026-12-05T11:00:00Z",\
            "endsAt":"2026-12-05T12:30:00Z","platform":"ZOOM","joinUrl":"https://zoom.us/j/81234567890",\
            "capacity":50,"registrationOpensAt":null,"registrationClosesAt":"2026-12-05T10:00:00Z"}""";
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

    private static final Set<EventStatus> PUBLIC_STATUSES = Set.of(EventStatus.PUBLISHED, EventStatus.COMPLETED);

    private final EventService events;
    private final EventLinks links;
    private final ZoneId zone;
    private final CurrentIdentityAssociation identity;
    private final EventCalendar calendar;
    private final CataloguePages cataloguePages;
    private final ObjectMapper mapper;

    public EventResource(EventService events, EventLinks links, SerambiConfig config,
            CurrentIdentityAssociation identity, EventCalendar calendar, CataloguePages cataloguePages,
            ObjectMapper mapper) {
        this.events = events;
        this.links = links;
        this.zone = config.library().timeZone();
        this.identity = identity;
        this.calendar = calendar;
        this.cataloguePages = cataloguePages;
        this.mapper = mapper;
    }

    // ---- public catalogue ----

    @GET
    @SecurityRequirements
    @Operation(summary = "The public catalogue: published and completed events, soonest first",
            description = "Without from/to, only events that have not ended. Sorted by start time, then id.")
    @APIResponse(responseCode = "200", description = "A page of events (never with join URLs)",
            content = @Content(schema = @Schema(implementation = EventPage.class)))
    @APIResponse(responseCode = "400", description = "A bad filter", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "bad type", value = """
                    {"type":"https://serambi.id/problems/validation","title":"Invalid request","status":400,\
                    "detail":"type: must be one of BOOK_DISCUSSION, SEMINAR, ONLINE_LECTURE, LIVE_QA, WORKSHOP, BOOK_CLUB",\
                    "errors":[{"field":"type","message":"must be one of BOOK_DISCUSSION, SEMINAR, ONLINE_LECTURE, LIVE_QA, WORKSHOP, BOOK_CLUB"}]}""")))
    public Uni<Response> catalogue(
            @Parameter(description = "BOOK_DISCUSSION, SEMINAR, ONLINE_LECTURE, LIVE_QA, WORKSHOP or BOOK_CLUB") @QueryParam("type") String type,
            @Parameter(description = "CHILDREN, TEENS or ADULTS also list events for ALL") @QueryParam("audience") String audience,
            @Parameter(example = "id") @QueryParam("language") String language,
            @Parameter(description = "Start at or after: a date in the library's zone or an instant", example = "2026-12-01") @QueryParam("from") String from,
            @Parameter(description = "Start before the end of this date (library zone), or before this instant", example = "2026-12-31") @QueryParam("to") String to,
            @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = "1 to 100") @QueryParam("size") @DefaultValue("20") int size) {
        EventQuery query = new EventQuery();
        EventRepository.Filter filter = new EventRepository.Filter(PUBLIC_STATUSES,
                query.enumValue("type", type, EventType.class), query.enumValue("audience", audience, Audience.class),
                query.language(language), query.instant("from", from, zone, false), query.instant("to", to, zone, true),
                true);
        query.check();
        PageDto.Request request = PageDto.Request.of(page, size);
        return cataloguePages.page(new CataloguePages.Key(filter, request.page(), request.size()),
                () -> events.search(filter, request.page(), request.size()).map(found -> render(found, request)))
                .map(json -> Response.ok(json, MediaType.APPLICATION_JSON_TYPE).build());
    }

    /** The page as JSON, valid until the first of its events opens or closes registration or ends. */
    private CataloguePages.Rendered render(EventRepository.Found found, PageDto.Request request) {
        Instant now = Instant.now();
        Instant validUntil = found.nextEnd();
        for (Event e : found.events()) {
            for (Instant moment : new Instant[] { e.registrationOpensAt, e.effectiveRegistrationClose(), e.endsAt }) {
                if (moment != null && moment.isAfter(now)) {
                    validUntil = CataloguePages.earliest(validUntil, moment);
                }
            }
        }
        EventPage body = new EventPage(found.events().stream().map(e -> EventDto.of(e, found.waitlistOf(e), links))
                .toList(), request.page(), request.size(), found.total());
        try {
            return new CataloguePages.Rendered(mapper.writeValueAsBytes(body), validUntil);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Path("/{id}")
    @SecurityRequirements
    @Operation(summary = "One event as the public sees it; drafts only for staff")
    @APIResponse(responseCode = "200", description = "The event (never with its join URL)",
            content = @Content(schema = @Schema(implementation = EventDto.class)))
    @APIResponse(responseCode = "404", description = "No such event, or a draft", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "missing", value = NOT_FOUND_EXAMPLE)))
    public Uni<EventDto> event(@PathParam("id") long id) {
        return identity.getDeferredIdentity().chain(caller -> events.view(id).map(view -> {
            if (view.event().status == EventStatus.DRAFT && !isStaff(caller)) {
                throw ProblemException.notFound("Event", id);
            }
            return EventDto.of(view.event(), view.waitlistCount(), links);
        }));
    }

    @GET
    @Path("/{id}/calendar.ics")
    @Produces(EventCalendar.MEDIA_TYPE)
    @SecurityRequirements
    @Operation(summary = "One event as an iCalendar file (RFC 5545) with an alarm an hour before; no join URL")
    @APIResponse(responseCode = "200", description = "text/calendar", content = @Content(mediaType = "text/calendar"))
    @APIResponse(responseCode = "404", description = "No such event, or a draft", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "missing", value = NOT_FOUND_EXAMPLE)))
    public Uni<Response> calendar(@PathParam("id") long id) {
        return events.view(id).map(view -> {
            Event event = view.event();
            if (event.status == EventStatus.DRAFT) {
                throw ProblemException.notFound("Event", id);
            }
            return Response.ok(calendar.publicCalendar(List.of(event), event.title))
                    .type(EventCalendar.MEDIA_TYPE)
                    .header("Content-Disposition", "attachment; filename=\"acara-" + id + ".ics\"")
                    .build();
        });
    }

    @GET
    @Path("/{id}/feedback")
    @RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
    @Operation(summary = "Patrons' ratings and comments for an event, newest first, with the average (staff)")
    @APIResponse(responseCode = "200", description = "The feedback", content = @Content(schema = @Schema(implementation = FeedbackSummary.class)))
    @APIResponse(responseCode = "404", description = "No such event", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<FeedbackSummary> feedback(@PathParam("id") long id) {
        return events.feedback(id).map(all -> new FeedbackSummary(all.size(),
                all.isEmpty() ? null : all.stream().mapToInt(f -> f.rating).average().orElse(0),
                all.stream().map(f -> new MyRegistrationResource.FeedbackDto(f.rating, f.comment, f.createdAt)).toList()));
    }

    @Schema(name = "FeedbackSummary")
    public record FeedbackSummary(@Schema(examples = "12") int count, @Schema(examples = "4.5") Double averageRating,
            List<MyRegistrationResource.FeedbackDto> items) {
    }

    // ---- staff ----

    @GET
    @Path("/manage")
    @RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
    @Operation(summary = "Every event in any status, with join URLs (staff)")
    @APIResponse(responseCode = "200", description = "A page of events", content = @Content(schema = @Schema(implementation = StaffEventPage.class)))
    @APIResponse(responseCode = "400", description = "A bad filter", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<StaffEventPage> manage(
            @Parameter(description = "DRAFT, PUBLISHED, CANCELLED or COMPLETED; all when absent") @QueryParam("status") String status,
            @QueryParam("type") String type,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size) {
        EventQuery query = new EventQuery();
        EventRepository.Filter filter = new EventRepository.Filter(
                query.statuses(status, EnumSet.allOf(EventStatus.class)), query.enumValue("type", type, EventType.class),
                null, null, query.instant("from", from, zone, false), query.instant("to", to, zone, true), false);
        query.check();
        PageDto.Request request = PageDto.Request.of(page, size);
        return events.search(filter, request.page(), request.size()).map(found -> new StaffEventPage(
                found.events().stream().map(e -> StaffEventDto.of(e, found.waitlistOf(e), links)).toList(),
                request.page(), request.size(), found.total()));
    }

    @GET
    @Path("/manage/{id}")
    @RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
    @Operation(summary = "One event with its join URL (staff)")
    @APIResponse(responseCode = "200", description = "The event", content = @Content(schema = @Schema(implementation = StaffEventDto.class)))
    @APIResponse(responseCode = "404", description = "No such event", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "missing", value = NOT_FOUND_EXAMPLE)))
    public Uni<StaffEventDto> managed(@PathParam("id") long id) {
        return events.view(id).map(view -> StaffEventDto.of(view.event(), view.waitlistCount(), links));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
    @Operation(summary = "Create an event as a DRAFT (staff)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "book discussion", value = EVENT_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created; Location names the event", content = @Content(schema = @Schema(implementation = StaffEventDto.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "ends before start", value = VALIDATION_EXAMPLE)))
    @APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> create(@Valid @NotNull EventRequest body) {
        return events.create(body).map(event -> Response.created(URI.create("/events/" + event.id))
                .entity(StaffEventDto.of(event, 0, links)).build());
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
    @Operation(summary = "Replace an event's fields (staff)",
            description = "Raising the capacity of a published event promotes waitlisted registrants, in arrival order, "
                    + "and e-mails them. Moving a published event e-mails its registrants.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "book discussion", value = EVENT_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The event", content = @Content(schema = @Schema(implementation = StaffEventDto.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, or a capacity below the confirmed registrations", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "ends before start", value = VALIDATION_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such event", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The event is cancelled or completed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<StaffEventDto> replace(@PathParam("id") long id, @Valid @NotNull EventRequest body) {
        return events.replace(id, body).map(view -> StaffEventDto.of(view.event(), view.waitlistCount(), links));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({ "application/merge-patch+json", MediaType.APPLICATION_JSON })
    @RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
    @Operation(summary = "Change some of an event's fields (RFC 7396 merge patch; null clears an optional field) (staff)")
    @RequestBody(content = @Content(schema = @Schema(implementation = EventRequest.class),
            examples = @ExampleObject(name = "more seats", value = "{\"capacity\":80}")))
    @APIResponse(responseCode = "200", description = "The event", content = @Content(schema = @Schema(implementation = StaffEventDto.class)))
    @APIResponse(responseCode = "400", description = "Invalid or unknown fields", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "ends before start", value = VALIDATION_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such event", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The event is cancelled or completed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<StaffEventDto> patch(@PathParam("id") long id, @NotNull ObjectNode body) {
        return events.patch(id, body).map(view -> StaffEventDto.of(view.event(), view.waitlistCount(), links));
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
    @Operation(summary = "Publish a draft: it appears in the catalogue (staff)")
    @APIResponse(responseCode = "200", description = "The published event", content = @Content(schema = @Schema(implementation = StaffEventDto.class)))
    @APIResponse(responseCode = "404", description = "No such event", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not a draft, or already over", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not a draft", value = """
            {"type":"https://serambi.id/problems/event-not-draft","title":"Not a draft","status":409,\
            "detail":"Event 12 is PUBLISHED; only a DRAFT can be published","instance":"/api/events/12/publish"}""")))
    public Uni<StaffEventDto> publish(@PathParam("id") long id) {
        return events.publish(id).chain(event -> events.view(id))
                .map(view -> StaffEventDto.of(view.event(), view.waitlistCount(), links));
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
    @Operation(summary = "Cancel an event and e-mail every active registrant (staff)")
    @APIResponse(responseCode = "200", description = "The cancelled event", content = @Content(schema = @Schema(implementation = StaffEventDto.class)))
    @APIResponse(responseCode = "404", description = "No such event", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already cancelled or completed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "already cancelled", value = """
            {"type":"https://serambi.id/problems/event-closed","title":"Event closed","status":409,\
            "detail":"Event 12 is already CANCELLED","instance":"/api/events/12/cancel"}""")))
    public Uni<StaffEventDto> cancel(@PathParam("id") long id) {
        return events.cancel(id).chain(event -> events.view(id))
                .map(view -> StaffEventDto.of(view.event(), view.waitlistCount(), links));
    }

    static boolean isStaff(SecurityIdentity caller) {
        return caller != null && !caller.isAnonymous()
                && (caller.hasRole(Role.STAFF_NAME) || caller.hasRole(Role.ADMIN_NAME));
    }
}
