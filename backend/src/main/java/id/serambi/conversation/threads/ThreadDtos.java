package id.serambi.conversation.threads;

import id.serambi.conversation.ConversationChannel;
import id.serambi.conversation.ConversationKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What staff see of the inbox and send to it. */
public final class ThreadDtos {

    private ThreadDtos() {
    }

    @Schema(name = "ConversationThreadSummary", description = "One thread of the inbox")
    public record Summary(
            @Schema(examples = "31") long id,
            ConversationChannel channel,
            ConversationKind kind,
            @Schema(description = "The contact's platform id (scoped to the library's account)", examples = "6543210987654321") String contactId,
            @Schema(nullable = true, description = "The contact's name or handle, as the platform gave it", examples = "Siti Rahma") String contactName,
            @Schema(nullable = true, description = "The platform's id of the library's post the comments are about",
                    examples = "102030405060_998877665544") String postExternalId,
            ThreadStatus status,
            @Schema(nullable = true, description = "The staff member the thread is assigned to", examples = "4") Long assigneeId,
            @Schema(nullable = true, examples = "Rina (staf)") String assigneeName,
            @Schema(description = "Staff marked the contact as a minor: the thread is minors' data") boolean minor,
            @Schema(nullable = true, description = "The latest message's text, cut at 200 characters",
                    examples = "Apakah bedah buku Sabtu ini masih bisa daftar?") String lastMessage,
            Instant lastMessageAt,
            @Schema(nullable = true, description = "When staff first replied from Serambi") Instant firstResponseAt,
            @Schema(nullable = true, description = "When it was set DONE; null while it is not") Instant resolvedAt,
            Instant createdAt,
            @Schema(description = "The version to send as If-Match", examples = "2") int version,
            @Schema(nullable = true, description = "When the retention of minors' messages emptied the thread (its messages, "
                    + "notes and contact are gone; its times stay for the report)") Instant contentPurgedAt) {
    }

    @Schema(name = "ConversationThreadPage")
    public record Page(List<Summary> items, @Schema(examples = "0") int page, @Schema(examples = "20") int size,
            @Schema(examples = "1") long total) {
    }

    @Schema(name = "ConversationMessage")
    public record Message(
            @Schema(examples = "501") long id,
            @Schema(description = "IN: from the contact; OUT: a reply staff (or, automatic, the assistant) sent") String direction,
            @Schema(nullable = true, description = "The platform's id of the message", examples = "m_AbCdEf123") String externalId,
            @Schema(nullable = true, examples = "6543210987654321") String senderId,
            @Schema(nullable = true, examples = "Siti Rahma") String senderName,
            @Schema(examples = "Apakah bedah buku Sabtu ini masih bisa daftar?") String body,
            Instant sentAt,
            @Schema(nullable = true, description = "OUT: the staff member who wrote it", examples = "Rina (staf)") String author,
            @Schema(nullable = true, description = "OUT: SENT, DELIVERED, READ or FAILED", examples = "SENT") String delivery,
            @Schema(description = "OUT: sent by Tanya Perpustakaan on its own (an automatic answer, or the notice that a "
                    + "librarian will reply), not by staff", examples = "false") boolean automatic) {
    }

    @Schema(name = "ConversationNote")
    public record Note(@Schema(examples = "12") long id,
            @Schema(nullable = true, examples = "Rina (staf)") String author,
            @Schema(examples = "Sudah dicek: kuota masih ada 5 kursi.") String body,
            Instant createdAt) {
    }

    @Schema(name = "ConversationThread", description = "A thread with its messages (oldest first, by sent time), its internal notes "
            + "and what it is about")
    public record Thread(Summary thread, List<Message> messages, List<Note> notes,
            @Schema(nullable = true, description = "The post or event the thread is about, when Serambi knows it") About about) {
    }

    /** What a thread is about: a post the library published, or (WhatsApp) the event its contact registered for. */
    public enum AboutKind {
        POST, EVENT
    }

    @Schema(name = "ConversationAbout", description = "A comment thread: the published post it comments on, with its campaign "
            + "and event; a WhatsApp thread: the latest event the number registered for")
    public record About(AboutKind kind,
            @Schema(nullable = true, examples = "12") Long postId,
            @Schema(nullable = true, examples = "3") Long campaignId,
            @Schema(nullable = true, examples = "Klub Buku Bulanan") String campaignTitle,
            @Schema(nullable = true, examples = "7") Long eventId,
            @Schema(nullable = true, examples = "Bedah Buku: Laskar Pelangi") String eventTitle,
            @Schema(description = "The campaign's title (else the start of the post) or the event's title",
                    examples = "Klub Buku Bulanan") String title,
            @Schema(nullable = true, description = "Where it is public: the post on the platform, or the event's page",
                    examples = "https://www.facebook.com/102030405060/posts/998877665544") String url) {
    }

    @Schema(name = "ConversationStaffMember", description = "A staff member or admin a thread can be assigned to")
    public record StaffMember(@Schema(examples = "4") long id, @Schema(examples = "Rina (staf)") String name) {
    }

    @Schema(name = "ConversationStatusRequest")
    public record StatusRequest(@NotNull @Schema(examples = "DONE") ThreadStatus status) {
    }

    @Schema(name = "ConversationAssigneeRequest")
    public record AssigneeRequest(
            @Schema(nullable = true, description = "A staff or admin account; null unassigns", examples = "4") Long assigneeId) {
    }

    @Schema(name = "ConversationMinorRequest")
    public record MinorRequest(@NotNull @Schema(description = "Whether the contact is a minor") Boolean minor) {
    }

    @Schema(name = "ConversationNoteRequest")
    public record NoteRequest(@NotBlank @Size(max = 4000) @Schema(examples = "Sudah dicek: kuota masih ada 5 kursi.") String body) {
    }

    @Schema(name = "ConversationReplyRequest")
    public record ReplyRequest(@NotBlank @Size(max = 2000) @Schema(examples = "Halo Siti, masih bisa! Daftar di tautan ini ya.") String body) {
    }

    @Schema(name = "ConversationChange", description = "A thread changed: reload it")
    public record Change(@Schema(examples = "31") long threadId) {
    }

    /** The list's filters, parsed. */
    public record Filter(ThreadStatus status, ConversationChannel channel, Assignee assignee, Long assigneeId, String text) {
    }

    /** Whose threads: anyone's, nobody's, or one staff member's ({@code Filter.assigneeId}). */
    public enum Assignee {
        ANY, UNASSIGNED, ONE
    }
}
