package id.serambi.event.catalogue;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
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
    @Operation(summary = "iCalendar feed of published events (from 30 days back), each with an alarm; no join URLs")
    @APIResponse(responseCode = "200", description = "text/calendar", content = @Content(mediaType = "text/calendar"))
    public Uni<Response> feed() {
        return events.feed().map(ics -> Response.ok(ics)
                .type(EventCalendar.MEDIA_TYPE)
                .header("Cache-Control", "public, max-age=300")
                .build());
    }
}
