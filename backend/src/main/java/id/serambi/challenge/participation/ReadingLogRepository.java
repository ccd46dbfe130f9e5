package id.serambi.challenge.participation;

import id.serambi.challenge.Challenges;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;

/** Reading logs: a participant's own, the day's sums that the caps are checked against, and staff's queues. */
@ApplicationScoped
@WithSession
public class ReadingLogRepository implements PanacheRepository<ReadingLog> {

    /** What a participant logged on one day, voided logs aside. */
    public record Day(long pages, long minutes, long books) {
    }

    public Uni<ReadingLog> findOwn(long participantId, long logId) {
        return find("id = ?1 and participantId = ?2", logId, participantId).firstResult();
    }

    public Uni<ReadingLog> findInChallenge(long challengeId, long logId) {
        return find("id = ?1 and challengeId = ?2", logId, challengeId).firstResult();
    }

    /** The participant's logs, newest first. */
    public Uni<List<ReadingLog>> ofParticipant(long participantId) {
        return list("participantId", Sort.by("readOn").descending().and("id", Sort.Direction.Descending), participantId);
    }

    /** The participant's day, without the log being edited ({@code excluding}; null for a new log). */
    public Uni<Day> day(long participantId, LocalDate readOn, Long excluding) {
        return Panache.getSession().chain(s -> s.createQuery(
                "select coalesce(sum(l.pages), 0), coalesce(sum(l.minutes), 0), "
                        + "coalesce(sum(case when l.finished then 1 else 0 end), 0) from ReadingLog l "
                        + "where l.participantId = ?1 and l.readOn = ?2 and l.status <> ?3 and l.id <> ?4",
                Object[].class)
                .setParameter(1, participantId).setParameter(2, readOn).setParameter(3, LogStatus.VOIDED)
                .setParameter(4, excluding == null ? -1L : excluding)
                .getSingleResult())
                .map(day -> new Day(((Number) day[0]).longValue(), ((Number) day[1]).longValue(),
                        ((Number) day[2]).longValue()));
    }

    public Uni<Void> add(ReadingLog log) {
        return persistAndFlush(log).replaceWithVoid();
    }

    public Uni<Void> remove(ReadingLog log) {
        return delete(log).chain(this::flush);
    }

    /** Reads the log again (after its participant's lock was taken, another transaction may have changed it). */
    public Uni<Void> refresh(ReadingLog log) {
        return Panache.getSession().chain(s -> s.refresh(log));
    }


    /** Staff: the challenge's logs of one status, oldest first (at most 500). */
    public Uni<List<StaffDtos.StaffLog>> ofChallenge(long challengeId, LogStatus status) {
        return Panache.getSession().chain(s -> s.createQuery(
                "select l, p.nickname from ReadingLog l, Participant p where p.id = l.participantId "
                        + "and l.challengeId = ?1 and l.status = ?2 order by l.createdAt, l.id", Object[].class)
                .setParameter(1, challengeId).setParameter(2, status).setMaxResults(500).getResultList())
                .map(rows -> rows.stream().map(r -> {
                    ReadingLog l = (ReadingLog) r[0];
                    return new StaffDtos.StaffLog(l.id, l.participantId, (String) r[1], l.title, l.author, l.pages,
                            l.minutes, l.readOn, l.points, l.status, l.flagReason, l.createdAt);
                }).toList());
    }

    /** Staff: reviews their authors agreed to share, newest first. */
    public Uni<List<StaffDtos.SharedReview>> shared(int limit) {
        return Panache.getSession().chain(s -> s.createQuery(
                "select l, p.nickname, c.title from ReadingLog l, Participant p, Challenge c "
                        + "where p.id = l.participantId and c.id = l.challengeId and l.shareReview = true "
                        + "and l.review is not null and l.status <> ?1 order by l.createdAt desc, l.id desc", Object[].class)
                .setParameter(1, LogStatus.VOIDED).setMaxResults(limit).getResultList())
                .map(rows -> rows.stream().map(r -> {
                    ReadingLog l = (ReadingLog) r[0];
                    return new StaffDtos.SharedReview(l.id, l.challengeId, (String) r[2], (String) r[1], l.title,
                            l.author, l.review, l.readOn);
                }).toList());
    }

    /** One log's review with what decides whether it may be posted, or a null item. */
    public Uni<Challenges.SharedReview> review(long logId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                SELECT l.title, l.author, l.review, l.share_review, l.status, p.nickname, l.challenge_id
                FROM reading_log l JOIN participant p ON p.id = l.participant_id WHERE l.id = ?1""", Object[].class)
                .setParameter(1, logId).getResultList())
                .map(rows -> {
                    if (rows.isEmpty()) {
                        return null;
                    }
                    Object[] r = rows.get(0);
                    return new Challenges.SharedReview(logId, (String) r[0], (String) r[1], (String) r[2],
                            Boolean.TRUE.equals(r[3]), "VOIDED".equals(r[4]), (String) r[5],
                            r[6] == null ? null : ((Number) r[6]).longValue());
                });
    }
}
