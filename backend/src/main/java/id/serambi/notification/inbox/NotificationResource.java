package id.serambi.notification.inbox;

import id.serambi.common.Caller;
import id.serambi.common.PageDto;
import id.serambi.common.Problem;
import id.serambi.common.QueryParameters;
import id.serambi.notification.inbox.InboxDtos.NotificationPage;
import id.serambi.notification.inbox.InboxDtos.NotificationView;
import id.serambi.notification.inbox.InboxDtos.ReadAll;
import id.serambi.notification.inbox.InboxDtos.Settings;
import id.serambi.notification.inbox.InboxDtos.UnreadCount;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The signed-in person's notification centre: their notifications, the unread badge (live) and their e-mail choices. */
@Path("/me")
@Tag(name = "Notifications", description = "The signed-in person's own notifications and e-mail preferences")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class NotificationResource {

    static final Duration HEARTBEAT = Duration.ofSeconds(25);
    static final String NOTIFICATION = """
            {"id":31,"kind":"REVIEW_REQUESTED","title":"Unggahan menunggu tinjauan: Waspada hoaks",
             "body":"Rina mengirim unggahan \\"Waspada hoaks\\" untuk ditinjau.","link":"/staf/konten/pos/12/ubah",
             "createdAt":"2026-11-03T02:15:00.000Z","readAt":null}""";
    static final String NOT_FOUND = """
            {"type":"https://serambi.id/problems/not-found","title":"Not found","status":404,
             "detail":"Notification 31 does not exist","instance":"/api/me/notifications/31/read"}""";
    static final String SETTINGS = """
            {"kinds":[{"kind":"REVIEW_REQUESTED","email":true},{"kind":"POST_APPROVED","email":false}]}""";

    private final InboxService inbox;
    private final NotificationFeed feed;
    private final Caller.Resolver caller;
    private final JsonWebToken jwt;

    public NotificationResource(InboxService inbox, NotificationFeed feed, Caller.Resolver caller, JsonWebToken jwt) {
        this.inbox = inbox;
        this.feed = feed;
        this.caller = caller;
        this.jwt = jwt;
    }

    @GET
    @Path("/notifications")
    @Operation(operationId = "listNotifications", summary = "My notifications, newest first; ?unread=true for the unread ones only")
    @APIResponse(responseCode = "200", description = "A page of notifications", content = @Content(
            schema = @Schema(implementation = NotificationPage.class), examples = @ExampleObject(name = "one",
            value = "{\"items\":[" + NOTIFICATION + "],\"page\":0,\"size\":20,\"total\":1}")))
    @APIResponse(responseCode = "400", description = "A bad filter or page", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public Uni<NotificationPage> list(@Parameter(description = "true: unread only", schema = @Schema(
                    type = SchemaType.BOOLEAN, defaultValue = "false")) @QueryParam("unread") String unread,
            @Parameter(description = "The page, from 0", schema = @Schema(type = SchemaType.INTEGER, format = "int32",
                    minimum = "0", defaultValue = "0")) @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = "Notifications per page, 1 to 100 (a value outside is clamped)", schema = @Schema(
                    type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "100", defaultValue = "20"))
            @QueryParam("size") @DefaultValue("20") int size) {
        QueryParameters query = new QueryParameters();
        boolean unreadOnly = false;
        if (unread != null && !unread.isBlank()) {
            String value = unread.strip().toLowerCase();
            if (value.equals("true") || value.equals("false")) {
                unreadOnly = value.equals("true");
            } else {
                query.invalid("unread", "must be true or false");
            }
        }
        query.check();
        PageDto.Request request = PageDto.Request.of(page, size);
        return inbox.list(caller.userId(), unreadOnly, request.page(), request.size());
    }

    @GET
    @Path("/notifications/unread-count")
    @Operation(operationId = "countUnreadNotifications", summary = "How many of my notifications are unread (the badge)")
    @APIResponse(responseCode = "200", description = "The count", content = @Content(schema = @Schema(implementation = UnreadCount.class),
            examples = @ExampleObject(name = "three", value = "{\"unread\":3}")))
    public Uni<UnreadCount> unreadCount() {
        return inbox.unread(caller.userId());
    }

    @GET
    @Path("/notifications/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(operationId = "streamNotifications", summary = "Server-sent events: my unread count now and after every change",
            description = "A text/event-stream of `unread` events, each one's data an UnreadCount JSON object "
                    + "(`{\"unread\":n}`): the count at once, then after every change, from whichever server instance "
                    + "made it. A comment line every 25 s keeps proxies open. The stream ends when the token expires or "
                    + "the account changes; reconnect with a current token.")
    @APIResponse(responseCode = "200", description = "An endless stream of `unread` events whose data is an UnreadCount",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = UnreadCount.class)))
    public Multi<OutboundSseEvent> stream(@Context Sse sse) {
        long me = caller.userId();
        Instant until = jwt.getExpirationTime() > 0 ? Instant.ofEpochSecond(jwt.getExpirationTime())
                : Instant.now().plus(Duration.ofHours(8));
        return feed.unread(me, HEARTBEAT, until).map(n -> n == NotificationFeed.HEARTBEAT
                ? sse.newEventBuilder().comment("heartbeat").build()
                : sse.newEventBuilder().name("unread").mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data("{\"unread\":" + n + "}").build());
    }

    @POST
    @Path("/notifications/{id}/read")
    @Operation(operationId = "markNotificationRead", summary = "Mark one of my notifications read (again is fine)")
    @APIResponse(responseCode = "200", description = "The notification, read", content = @Content(
            schema = @Schema(implementation = NotificationView.class), examples = @ExampleObject(name = "read", value = NOTIFICATION)))
    @APIResponse(responseCode = "404", description = "No such notification of mine (someone else's is not found either)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "missing", value = NOT_FOUND)))
    public Uni<NotificationView> markRead(@PathParam("id") long id) {
        return inbox.markRead(caller.userId(), id);
    }

    @POST
    @Path("/notifications/read-all")
    @Operation(operationId = "markAllNotificationsRead", summary = "Mark all my notifications read")
    @APIResponse(responseCode = "200", description = "How many were unread", content = @Content(
            schema = @Schema(implementation = ReadAll.class), examples = @ExampleObject(name = "three", value = "{\"marked\":3}")))
    public Uni<ReadAll> markAllRead() {
        return inbox.markAllRead(caller.userId());
    }

    @GET
    @Path("/notification-settings")
    @Operation(operationId = "getNotificationSettings", summary = "My e-mail preferences: for each kind of notification, whether it also comes by e-mail")
    @APIResponse(responseCode = "200", description = "Every kind", content = @Content(schema = @Schema(implementation = Settings.class),
            examples = @ExampleObject(name = "settings", value = SETTINGS)))
    public Uni<Settings> settings() {
        return inbox.settings(caller.userId());
    }

    @PUT
    @Path("/notification-settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateNotificationSettings", summary = "Turn the e-mail of kinds of notification on or off (the in-app notification always stays); "
            + "kinds not listed keep their setting")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "no approval e-mails", value = SETTINGS)))
    @APIResponse(responseCode = "200", description = "Every kind, as now set", content = @Content(schema = @Schema(implementation = Settings.class)))
    @APIResponse(responseCode = "400", description = "An unknown kind, or a kind twice", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public Uni<Settings> updateSettings(@Valid @NotNull Settings body) {
        return inbox.updateSettings(caller.userId(), body);
    }
}
