package id.serambi.event.catalogue;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The library's public event calendar, for subscribing in Google Calendar, Outlook or a phone. */
@Path("/calendar.ics")
@Tag(name = "Events")
@SecurityRequirements
public class CalendarResource {

    private final EventService events;

    public CalendarResource(EventService events) {
        this.events = events;
    }

    @GET
    @Produces(EventCalendar.MEDIA_TYPE)
    @Operation(operationId = "downloadEventsFeed", summary = "iCalendar feed of published events (from 30 days back), each with an alarm; no join URLs",
            description = "For subscribing from a calendar app; the feed may be cached for five minutes.")
    @APIResponse(responseCode = "200", description = "An iCalendar feed (RFC 5545)",
            content = @Content(mediaType = "text/calendar", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            headers = @Header(name = "Cache-Control", description = "public, max-age=300", schema = @Schema(type = SchemaType.STRING)))
    public Uni<Response> feed() {
        return events.feed().map(ics -> Response.ok(ics)
                .type(EventCalendar.MEDIA_TYPE)
                .header("Cache-Control", "public, max-age=300")
                .build());
    }
}
