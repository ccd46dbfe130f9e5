package id.serambi.assistant.whatsapp;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;

/** assistant_holding_notice: the days on which a thread got the notice that a librarian will reply. */
@ApplicationScoped
public class HoldingNoticeRepository {

    /**
     * Claims the thread's notice of this day: true for the one caller that inserted the row (the primary key makes a
     * concurrent claim wait, then find it taken), false when it was taken already.
     */
    public Uni<Boolean> claim(long threadId, LocalDate day) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                INSERT INTO assistant_holding_notice (thread_id, day) VALUES (:thread, :day) ON CONFLICT DO NOTHING""")
                .setParameter("thread", threadId).setParameter("day", day).executeUpdate()).map(n -> n > 0);
    }

    /** Gives the claim back (the notice could not be sent), so that the thread's next message tries again. */
    public Uni<Void> release(long threadId, LocalDate day) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "DELETE FROM assistant_holding_notice WHERE thread_id = :thread AND day = :day")
                .setParameter("thread", threadId).setParameter("day", day).executeUpdate()).replaceWithVoid();
    }
}
