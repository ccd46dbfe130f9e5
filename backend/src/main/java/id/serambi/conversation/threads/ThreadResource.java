package id.serambi.conversation.threads;

import id.serambi.account.Role;
import id.serambi.common.Caller;
import id.serambi.common.IfMatch;
import id.serambi.common.PageDto;
import id.serambi.common.Problem;
import id.serambi.common.QueryParameters;
import id.serambi.conversation.ConversationChannel;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/conversations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
@Tag(name = "Conversations", description = "The inbox: comments and direct messages people send the library on its platforms, "
        + "in threads staff assign, answer and close")
public class ThreadResource {

    static final String SUMMARY = """
            {"id":31,"channel":"FACEBOOK","kind":"COMMENT","contactId":"6543210987654321","contactName":"Siti Rahma",\
            "postExternalId":"102030405060_998877665544","status":"OPEN","assigneeId":4,"assigneeName":"Rina (staf)",\
            "minor":false,"lastMessage":"Apakah bedah buku Sabtu ini masih bisa daftar?",\
            "lastMessageAt":"2026-12-04T02:00:00.000Z","firstResponseAt":null,"resolvedAt":null,\
            "createdAt":"2026-12-04T02:00:01.000Z","version":2,"contentPurgedAt":null}""";
    static final String THREAD = "{\"thread\":" + SUMMARY + """
            ,"messages":[{"id":501,"direction":"IN","externalId":"998877665544_112233","senderId":"6543210987654321",\
            "senderName":"Siti Rahma","body":"Apakah bedah buku Sabtu ini masih bisa daftar?",\
            "sentAt":"2026-12-04T02:00:00.000Z","author":null,"delivery":null,"automatic":false}],\
            "notes":[{"id":12,"author":"Rina (staf)","body":"Sudah dicek: kuota masih ada 5 kursi.","createdAt":"2026-12-04T02:05:00.000Z"}],\
            "about":{"kind":"POST","postId":12,"campaignId":3,"campaignTitle":"Klub Buku Bulanan","eventId":7,\
            "eventTitle":"Bedah Buku: Laskar Pelangi","title":"Klub Buku Bulanan",\
            "url":"https://www.facebook.com/102030405060/posts/998877665544"}}""";
    static final String NOT_FOUND = """
            {"type":"https://serambi.id/problems/not-found","title":"Not found","status":404,"detail":"Conversation 31 does not exist"}""";
    static final String STALE = """
            {"type":"https://serambi.id/problems/stale-version","title":"Changed by someone else","status":412,\
            "detail":"Conversation 31 is at version 3 but you edited version 2; reload it and apply your changes again"}""";

    static final Duration HEARTBEAT = Duration.ofSeconds(25);

    private final ThreadService threads;
    private final ReplyService replies;
    private final ThreadFeed feed;
    private final Caller.Resolver caller;
    private final JsonWebToken jwt;

    public ThreadResource(ThreadService threads, ReplyService replies, ThreadFeed feed, Caller.Resolver caller, JsonWebToken jwt) {
        this.threads = threads;
        this.replies = replies;
        this.feed = feed;
        this.caller = caller;
        this.jwt = jwt;
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(operationId = "streamConversations", summary = "Server-sent events: a thread changed (staff)",
            description = "A text/event-stream of `conversation` events, each one's data a ConversationChange JSON object "
                    + "(`{\"threadId\":31}`), whenever a thread gets a message or a reply or its status or assignee changes, on "
                    + "whichever server instance: the inbox page reloads what it shows of that thread. A comment line every 25 s "
                    + "keeps proxies open. The stream ends when the token expires; reconnect with a current token.")
    @APIResponse(responseCode = "200", description = "An endless stream of `conversation` events whose data is a ConversationChange",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = ThreadDtos.Change.class)))
    @APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Multi<OutboundSseEvent> stream(@Context Sse sse) {
        Instant until = jwt.getExpirationTime() > 0 ? Instant.ofEpochSecond(jwt.getExpirationTime())
                : Instant.now().plus(Duration.ofHours(8));
        return feed.changes(HEARTBEAT, until).map(id -> id == ThreadFeed.HEARTBEAT
                ? sse.newEventBuilder().comment("heartbeat").build()
                : sse.newEventBuilder().name("conversation").mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data("{\"threadId\":" + id + "}").build());
    }

    @GET
    @Path("/staff")
    @Operation(operationId = "listConversationStaff", summary = "Who a thread can be assigned to: staff members and admins, by name (staff)")
    @APIResponse(responseCode = "200", description = "Staff members and admins", content = @Content(schema = @Schema(
            type = SchemaType.ARRAY, implementation = ThreadDtos.StaffMember.class), examples = @ExampleObject(name = "staff",
                    value = "[{\"id\":4,\"name\":\"Rina (staf)\"},{\"id\":1,\"name\":\"Admin Perpustakaan\"}]")))
    @APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<java.util.List<ThreadDtos.StaffMember>> staff() {
        return threads.staff();
    }

    @GET
    @Operation(operationId = "listConversations", summary = "The inbox: threads, the latest message first (staff)",
            description = "Filtered by status, channel, assignee (mine, unassigned or an account id) and text (in the contact's "
                    + "name or any message). Ties in time are ordered by id, so paging is stable.")
    @APIResponse(responseCode = "200", description = "A page of threads", content = @Content(schema = @Schema(
            implementation = ThreadDtos.Page.class), examples = @ExampleObject(name = "one", value = "{\"items\":[" + SUMMARY
                    + "],\"page\":0,\"size\":20,\"total\":1}")))
    @APIResponse(responseCode = "400", description = "A bad filter", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "bad status", value = """
                    {"type":"https://serambi.id/problems/validation","title":"Invalid request","status":400,\
                    "detail":"status: must be one of NEW, OPEN, WAITING, DONE",\
                    "errors":[{"field":"status","message":"must be one of NEW, OPEN, WAITING, DONE"}]}""")))
    @APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ThreadDtos.Page> list(
            @Parameter(description = "Only threads in this state", schema = @Schema(implementation = ThreadStatus.class))
            @QueryParam("status") String status,
            @Parameter(description = "Only threads on this channel", schema = @Schema(implementation = ConversationChannel.class))
            @QueryParam("channel") String channel,
            @Parameter(description = "mine, unassigned, or a staff account's id", schema = @Schema(type = SchemaType.STRING), example = "mine")
            @QueryParam("assignee") String assignee,
            @Parameter(description = "Text in the contact's name or in any message (at most 200 characters)", example = "bedah buku")
            @QueryParam("q") String text,
            @Parameter(description = "The page, from 0", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0", defaultValue = "0"))
            @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = "Threads per page", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "100", defaultValue = "20"))
            @QueryParam("size") @DefaultValue("20") int size) {
        QueryParameters query = new QueryParameters();
        ThreadStatus s = query.enumValue("status", status, ThreadStatus.class);
        ConversationChannel c = query.enumValue("channel", channel, ConversationChannel.class);
        ThreadDtos.Assignee who = ThreadDtos.Assignee.ANY;
        Long assigneeId = null;
        if (assignee != null && !assignee.isBlank()) {
            String a = assignee.strip();
            if (a.equalsIgnoreCase("mine")) {
                who = ThreadDtos.Assignee.ONE;
                assigneeId = caller.userId();
            } else if (a.equalsIgnoreCase("unassigned")) {
                who = ThreadDtos.Assignee.UNASSIGNED;
            } else {
                try {
                    assigneeId = Long.parseLong(a);
                    who = ThreadDtos.Assignee.ONE;
                } catch (NumberFormatException e) {
                    query.invalid("assignee", "must be mine, unassigned or an account id");
                }
            }
        }
        String q = text == null || text.isBlank() ? null : text.strip();
        if (q != null && q.length() > 200) {
            query.invalid("q", "must be at most 200 characters");
        }
        query.check();
        PageDto.Request request = PageDto.Request.of(page, size);
        return threads.list(new ThreadDtos.Filter(s, c, who, assigneeId, q), request.page(), request.size());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getConversation", summary = "One thread with its messages (in the order they were sent), its internal notes and the post or event it is about (staff); the ETag is its version")
    @APIResponse(responseCode = "200", description = "The thread", headers = @Header(name = "ETag", description = "The version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ThreadDtos.Thread.class), examples = @ExampleObject(name = "thread", value = THREAD)))
    @APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such thread", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "missing", value = NOT_FOUND)))
    public Uni<Response> get(@PathParam("id") long id) {
        return threads.get(id).map(ThreadResource::ok);
    }

    @PUT
    @Path("/{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setConversationStatus", summary = "Set the thread's status: NEW, OPEN, WAITING or DONE (staff)",
            description = "DONE records the resolution time; any other status clears it. Send the version you read as If-Match.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "done", value = "{\"status\":\"DONE\"}")))
    @APIResponse(responseCode = "200", description = "The thread, changed", headers = @Header(name = "ETag", description = "The new version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ThreadDtos.Thread.class), examples = @ExampleObject(name = "thread", value = THREAD)))
    @APIResponse(responseCode = "400", description = "No or an unknown status", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such thread", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "missing", value = NOT_FOUND)))
    @APIResponse(responseCode = "412", description = "Stale If-Match: the thread changed meanwhile; the answer carries the current ETag",
            headers = @Header(name = "ETag", description = "The current version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "stale", value = STALE)))
    @APIResponse(responseCode = "428", description = "No If-Match header", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> setStatus(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ThreadDtos.StatusRequest body) {
        return threads.setStatus(id, IfMatch.version(ifMatch), body.status()).map(ThreadResource::ok);
    }

    @PUT
    @Path("/{id}/assignee")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "assignConversation", summary = "Assign the thread to a staff member, or to nobody with null (staff)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "assign", value = "{\"assigneeId\":4}")))
    @APIResponse(responseCode = "200", description = "The thread, changed", headers = @Header(name = "ETag", description = "The new version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ThreadDtos.Thread.class), examples = @ExampleObject(name = "thread", value = THREAD)))
    @APIResponse(responseCode = "400", description = "The account is not a staff member", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not staff", value = """
                    {"type":"https://serambi.id/problems/validation","title":"Invalid request","status":400,\
                    "detail":"assigneeId: account 77 is not a staff member",\
                    "errors":[{"field":"assigneeId","message":"account 77 is not a staff member"}]}""")))
    @APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such thread", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "missing", value = NOT_FOUND)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", headers = @Header(name = "ETag", description = "The current version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "stale", value = STALE)))
    @APIResponse(responseCode = "428", description = "No If-Match header", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> assign(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ThreadDtos.AssigneeRequest body) {
        return threads.assign(id, IfMatch.version(ifMatch), body.assigneeId()).map(ThreadResource::ok);
    }

    @PUT
    @Path("/{id}/minor")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setConversationMinor", summary = "Mark the contact as a minor, or not (staff): a minor's thread is minors' data")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "minor", value = "{\"minor\":true}")))
    @APIResponse(responseCode = "200", description = "The thread, changed", headers = @Header(name = "ETag", description = "The new version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ThreadDtos.Thread.class), examples = @ExampleObject(name = "thread", value = THREAD)))
    @APIResponse(responseCode = "400", description = "No minor flag", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such thread", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "missing", value = NOT_FOUND)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", headers = @Header(name = "ETag", description = "The current version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "stale", value = STALE)))
    @APIResponse(responseCode = "428", description = "No If-Match header", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> setMinor(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ThreadDtos.MinorRequest body) {
        return threads.setMinor(id, IfMatch.version(ifMatch), body.minor()).map(ThreadResource::ok);
    }

    @POST
    @Path("/{id}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "addConversationNote", summary = "Add an internal note to the thread; the public never sees it (staff)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "note", value = "{\"body\":\"Sudah dicek: kuota masih ada 5 kursi.\"}")))
    @APIResponse(responseCode = "201", description = "The note", headers = @Header(name = "Location", description = "The thread", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ThreadDtos.Note.class), examples = @ExampleObject(name = "note", value = """
                    {"id":12,"author":"Rina (staf)","body":"Sudah dicek: kuota masih ada 5 kursi.","createdAt":"2026-12-04T02:05:00.000Z"}""")))
    @APIResponse(responseCode = "400", description = "An empty or too long note", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such thread", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "missing", value = NOT_FOUND)))
    public Uni<Response> addNote(@PathParam("id") long id, @Valid @NotNull ThreadDtos.NoteRequest body) {
        return threads.addNote(id, caller.userId(), body.body())
                .map(note -> Response.created(URI.create("/conversations/" + id)).entity(note).build());
    }

    @POST
    @Path("/{id}/replies")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replyToConversation", summary = "Reply on the thread's platform (staff)",
            description = "The reply is sent through the channel's connected account first; only a reply the platform took is "
                    + "stored (SENT). The first reply sets the thread's first-response time, and a NEW or OPEN thread then waits "
                    + "on the contact (WAITING).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "reply", value = "{\"body\":\"Halo Siti, masih bisa! Daftar di tautan ini ya.\"}")))
    @APIResponse(responseCode = "201", description = "Sent and stored", headers = @Header(name = "Location", description = "The thread", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ThreadDtos.Message.class), examples = @ExampleObject(name = "sent", value = """
                    {"id":502,"direction":"OUT","externalId":"998877665544_445566","senderId":null,"senderName":null,\
                    "body":"Halo Siti, masih bisa! Daftar di tautan ini ya.","sentAt":"2026-12-04T02:06:00.000Z",\
                    "author":"Rina (staf)","delivery":"SENT","automatic":false}""")))
    @APIResponse(responseCode = "400", description = "An empty or too long reply", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such thread", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "missing", value = NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "Serambi cannot send on the thread's channel: nothing was stored", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not connected", value = """
                    {"type":"https://serambi.id/problems/channel-not-connected","title":"Channel not connected","status":409,\
                    "detail":"Serambi cannot reply on FACEBOOK: the account is not connected; nothing was stored"}""")))
    @APIResponse(responseCode = "502", description = "The platform refused the reply: nothing was stored", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> reply(@PathParam("id") long id, @Valid @NotNull ThreadDtos.ReplyRequest body) {
        return replies.reply(id, caller.userId(), body.body())
                .map(message -> Response.created(URI.create("/conversations/" + id)).entity(message).build());
    }

    private static Response ok(ThreadDtos.Thread thread) {
        return Response.ok(thread).tag(new jakarta.ws.rs.core.EntityTag(String.valueOf(thread.thread().version()))).build();
    }
}
