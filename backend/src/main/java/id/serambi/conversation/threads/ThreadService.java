package id.serambi.conversation.threads;

import id.serambi.account.Accounts;
import id.serambi.account.Role;
import id.serambi.common.IfMatch;
import id.serambi.common.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** The inbox's rules: reading threads, their status, assignee and minor flag (If-Match), notes and replies. */
@ApplicationScoped
public class ThreadService {

    private final ThreadRepository threads;
    private final ThreadSubjects subjects;
    private final Accounts accounts;

    public ThreadService(ThreadRepository threads, ThreadSubjects subjects, Accounts accounts) {
        this.threads = threads;
        this.subjects = subjects;
        this.accounts = accounts;
    }

    /** The staff members and admins a thread can be assigned to, by name. */
    @WithSession
    public Uni<List<ThreadDtos.StaffMember>> staff() {
        return accounts.idsWithRole(Role.STAFF).chain(staff -> accounts.idsWithRole(Role.ADMIN).chain(admins -> {
            List<Long> ids = new ArrayList<>(staff);
            ids.addAll(admins);
            return accounts.contacts(ids);
        })).map(contacts -> contacts.stream()
                .map(c -> new ThreadDtos.StaffMember(c.id(), c.displayName() == null || c.displayName().isBlank()
                        ? "#" + c.id() : c.displayName()))
                .sorted(Comparator.comparing(ThreadDtos.StaffMember::name, String.CASE_INSENSITIVE_ORDER)
                        .thenComparingLong(ThreadDtos.StaffMember::id))
                .toList());
    }

    @WithSession
    public Uni<ThreadDtos.Page> list(ThreadDtos.Filter filter, int page, int size) {
        return threads.list(filter, page, size);
    }

    /** The thread with its messages and notes; 404 when there is none. */
    @WithSession
    public Uni<ThreadDtos.Thread> get(long id) {
        return thread(id);
    }

    private Uni<ThreadDtos.Thread> thread(long id) {
        return threads.summary(id).chain(summary -> {
            if (summary == null) {
                return Uni.createFrom().failure(ProblemException.notFound("Conversation", id));
            }
            return threads.messages(id).chain(messages -> threads.notes(id)
                    .chain(notes -> subjects.about(summary).map(about -> new ThreadDtos.Thread(summary, messages, notes, about))));
        });
    }

    @WithTransaction
    public Uni<ThreadDtos.Thread> setStatus(long id, int version, ThreadStatus status) {
        return change(id, version, head -> threads.setStatus(id, status));
    }

    /** Assigns to a staff or admin account (400 naming assigneeId otherwise), or to nobody. */
    @WithTransaction
    public Uni<ThreadDtos.Thread> assign(long id, int version, Long assigneeId) {
        return change(id, version, head -> {
            if (assigneeId == null) {
                return threads.setAssignee(id, null);
            }
            return threads.isStaff(assigneeId).chain(staff -> {
                if (!staff) {
                    return Uni.createFrom().failure(ProblemException.invalidField("assigneeId",
                            "account " + assigneeId + " is not a staff member"));
                }
                return threads.setAssignee(id, assigneeId);
            });
        });
    }

    @WithTransaction
    public Uni<ThreadDtos.Thread> setMinor(long id, int version, boolean minor) {
        return change(id, version, head -> threads.setMinor(id, minor));
    }

    /** Locks the thread, checks the version (404, 412), applies the change, announces it and answers the thread. */
    private Uni<ThreadDtos.Thread> change(long id, int version, Function<ThreadRepository.Head, Uni<Void>> update) {
        return existing(id, true).chain(head -> {
            IfMatch.check("Conversation", id, head.version(), version);
            return update.apply(head);
        }).call(() -> threads.announce(id)).chain(() -> thread(id));
    }

    private Uni<ThreadRepository.Head> existing(long id, boolean lock) {
        return threads.head(id, lock).map(head -> {
            if (head == null) {
                throw ProblemException.notFound("Conversation", id);
            }
            return head;
        });
    }

    /** Adds an internal note; answers it. */
    @WithTransaction
    public Uni<ThreadDtos.Note> addNote(long id, long authorId, String body) {
        return existing(id, false).chain(() -> threads.addNote(id, authorId, body.strip()))
                .call(() -> threads.announce(id))
                .chain(noteId -> threads.notes(id).map(notes -> notes.stream().filter(n -> n.id() == noteId)
                        .findFirst().orElseThrow()));
    }

    /** What a reply needs to know of its thread: its head and the inbound message it answers. */
    public record ReplyTarget(ThreadRepository.Head head, String inReplyTo) {
    }

    @WithSession
    public Uni<ReplyTarget> replyTarget(long id) {
        return existing(id, false).chain(head -> threads.lastInboundExternalId(id).map(last -> new ReplyTarget(head, last)));
    }

    /** Whether the sender's channel is connected, asked in a session of its own. */
    @WithSession
    public Uni<Boolean> connected(id.serambi.conversation.ReplySender sender) {
        return sender.ready();
    }

    /** The text of the thread's latest inbound message, or null; 404 when there is no such thread. */
    @WithSession
    public Uni<String> latestInbound(long id) {
        return existing(id, false).chain(() -> threads.lastInboundBody(id));
    }

    /** Records an automatic reply the platform took ({@link ThreadRepository#addAutomaticReply}). */
    @WithTransaction
    public Uni<Void> recordAutomaticReply(ThreadRepository.Head head, String externalId, String body, Instant sentAt,
            boolean resolves) {
        return threads.addAutomaticReply(head.id(), head.channel(), externalId, body, sentAt, resolves)
                .call(() -> threads.announce(head.id())).replaceWithVoid();
    }

    /** Records a reply the platform took; answers the stored message. */
    @WithTransaction
    public Uni<ThreadDtos.Message> recordReply(ThreadRepository.Head head, String externalId, long authorId, String body,
            Instant sentAt) {
        return threads.addReply(head.id(), head.channel(), externalId, authorId, body, sentAt)
                .call(() -> threads.announce(head.id()))
                .chain(messageId -> threads.messages(head.id()).map(all -> all.stream()
                        .filter(m -> m.id() == messageId).findFirst().orElseThrow()));
    }
}
