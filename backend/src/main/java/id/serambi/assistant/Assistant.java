package id.serambi.assistant;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Optional;

/**
 * Tanya Perpustakaan's answers for other capabilities and features: the knowledge base's best confident answer to a
 * text, and its few best entries for staff to choose from. Matching is CPU work and runs on a worker thread; the
 * answers' placeholders ({jam_buka}, {alamat}, ...) are filled, and an entry about events or challenges lists the next
 * ones, as the assistant's own answers do. Nothing is logged here: the caller decides whether the question is kept.
 */
public interface Assistant {

    /**
     * The answer of the best active entry when its confidence reaches the assistant's threshold, in Bahasa Indonesia
     * ({@code language} "id") or English ("en"); empty below it (a librarian should answer).
     */
    Uni<Optional<Answer>> answer(String text, String language);

    /**
     * Up to {@code limit} (1 to 10) entries that match the text best, the best first, each with its answer in the
     * language, even below the threshold; empty when nothing of the text matches any entry.
     */
    Uni<List<Suggestion>> suggest(String text, String language, int limit);

    /**
     * A confident answer: its entry, its text, how sure the match is (0 to 1), and its links (a path such as /acara made
     * absolute with the SPA's public address, for a channel that is not the SPA).
     */
    record Answer(long entryId, String text, double confidence, List<Link> links) {
    }

    /** A link of an answer: its label in the language, an absolute URL. */
    record Link(String label, String url) {
    }

    /** A possible answer: its entry, the entry's question and answer in the language, how sure the match is (0 to 1). */
    record Suggestion(long entryId, String question, String answer, double confidence) {
    }
}
