package id.serambi.challenge.leaderboard;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One leaderboard held in memory: the visible participants in rank order (points descending, then who reached them
 * first, then id), with an index by participant. A rank is a binary search and an update moves one entry, so "my
 * rank" costs the same as the top 10 however many participants there are. Updates carry the participant's revision;
 * an older revision than the one held is ignored, whatever order notifications arrive in.
 */
final class Board {

    record Entry(long participantId, String nickname, String school, int points, long reachedAtMicros, long revision) {
    }

    /** The ranking order, as {@link LeaderboardRepository#RANKING} writes it in SQL. */
    static final Comparator<Entry> ORDER = Comparator.comparingInt((Entry e) -> -e.points())
            .thenComparingLong(Entry::reachedAtMicros)
            .thenComparingLong(Entry::participantId);

    private final ArrayList<Entry> ranked = new ArrayList<>();
    private final Map<Long, Entry> byParticipant = new HashMap<>();
    /** Revisions of participants that are hidden or gone, so a late older update cannot bring them back. */
    private final Map<Long, Long> absentRevisions = new HashMap<>();
    private long changes;

    /** Loads entries already sorted in rank order (from the board index). */
    synchronized void load(List<Entry> sorted) {
        ranked.clear();
        byParticipant.clear();
        ranked.addAll(sorted);
        for (Entry e : sorted) {
            byParticipant.put(e.participantId(), e);
        }
        changes++;
    }

    /** Applies a participant's new state; {@code visible=false} removes them. Returns whether anything changed. */
    synchronized boolean apply(Entry entry, boolean visible) {
        Entry current = byParticipant.get(entry.participantId());
        long known = current != null ? current.revision()
                : absentRevisions.getOrDefault(entry.participantId(), -1L);
        if (entry.revision() <= known) {
            return false;
        }
        if (current != null) {
            ranked.remove(indexOf(current));
            byParticipant.remove(entry.participantId());
        }
        if (visible) {
            int at = Collections.binarySearch(ranked, entry, ORDER);
            ranked.add(at < 0 ? -at - 1 : at, entry);
            byParticipant.put(entry.participantId(), entry);
            absentRevisions.remove(entry.participantId());
        } else {
            absentRevisions.put(entry.participantId(), entry.revision());
        }
        changes++;
        return true;
    }

    synchronized List<Entry> top(int limit) {
        return List.copyOf(ranked.subList(0, Math.min(limit, ranked.size())));
    }

    /** 1-based rank, or 0 when the participant is not on this board. */
    synchronized int rankOf(long participantId) {
        Entry e = byParticipant.get(participantId);
        return e == null ? 0 : indexOf(e) + 1;
    }

    /** The entries from rank {@code from} to {@code to} (1-based, inclusive), clamped to the board. */
    synchronized List<Entry> slice(int from, int to) {
        int start = Math.max(0, from - 1);
        int end = Math.min(ranked.size(), to);
        return start >= end ? List.of() : List.copyOf(ranked.subList(start, end));
    }

    synchronized int size() {
        return ranked.size();
    }

    synchronized long changes() {
        return changes;
    }

    private int indexOf(Entry e) {
        int at = Collections.binarySearch(ranked, e, ORDER);
        if (at < 0 || ranked.get(at).participantId() != e.participantId()) {
            throw new IllegalStateException("Board index out of step for participant " + e.participantId());
        }
        return at;
    }
}
