package id.serambi.assistant.matching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BooleanSimilarity;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The knowledge base as an in-memory Lucene index, built once from the active entries and replaced whole when they
 * change (it is immutable, so any number of questions read it at once).
 *
 * <p>Each phrasing of an entry (its question and alternatives, in Bahasa Indonesia and in English) is one document of
 * its analysed terms. A question is analysed the same way; each of its terms that the knowledge base does not know is
 * taken as a typo of the nearest known term when Lucene's {@link FuzzyQuery} finds one (one edit for 4 to 6 letters,
 * two from 7, the first letter right). Terms weigh by how few entries use them ({@code ln(1 + entries / df)}): "denda"
 * says more than "buku". The documents are scored with {@link BooleanSimilarity}, so a document's score is the weight
 * of the question's terms it holds, and the confidence of an entry is how much of the question its best phrasing covers
 * and how much of that phrasing the question covers ({@code cq^0.85 * cp^0.15}): 1 for the question itself, 0 when
 * nothing meets. A question of words the library never uses ("cuaca", "presiden") covers nothing and is handed over.
 */
public final class FaqIndex {

    /**
     * One entry's texts to match: its key, its phrasings in each language (the question and its alternatives), and its
     * context (the answers and tags), which are matched too but, being longer, cover less of a question.
     */
    public record Entry(String key, List<String> indonesian, List<String> english, List<String> context) {
    }

    /** The best entry for a question and how sure the match is (0 to 1); {@code key} is null when nothing met. */
    public record Match(String key, double confidence) {
        static final Match NONE = new Match(null, 0);
    }

    private static final String[] LANGUAGES = {"id", "en"};
    private static final double TYPO = 0.8;
    private static final double QUESTION_SHARE = 0.85;
    /** A word the knowledge base never uses weighs as much as its rarest word: it points elsewhere. */
    private static final double UNKNOWN = 1;

    private final FaqAnalyzers analyzers;
    private final IndexSearcher searcher;
    private final int documents;
    /** Per language: each known term's weight. */
    private final Map<String, Map<String, Double>> weights = new HashMap<>();
    private final double unknownWeight;

    private ChatWords chatWords;

    private FaqIndex(FaqAnalyzers analyzers, IndexSearcher searcher, int documents, double unknownWeight) {
        this.analyzers = analyzers;
        this.searcher = searcher;
        this.documents = documents;
        this.unknownWeight = unknownWeight;
    }

    /** Indexes these entries. */
    public static FaqIndex build(FaqAnalyzers analyzers, Collection<Entry> entries) {
        int n = Math.max(1, entries.size());
        // Pass 1: every phrasing's terms, and how many entries use each term.
        record Phrasing(String key, String language, Set<String> terms) {
        }
        List<Phrasing> phrasings = new ArrayList<>();
        Map<String, Map<String, Set<String>>> entriesOfTerm = new HashMap<>();
        for (Entry entry : entries) {
            for (String language : LANGUAGES) {
                for (String text : allTexts(entry)) {
                    Set<String> terms = analyzers.terms(language, text);
                    if (terms.isEmpty()) {
                        continue;
                    }
                    phrasings.add(new Phrasing(entry.key(), language, terms));
                    for (String t : terms) {
                        entriesOfTerm.computeIfAbsent(language, l -> new HashMap<>())
                                .computeIfAbsent(t, x -> new HashSet<>()).add(entry.key());
                    }
                }
            }
        }
        FaqIndex index;
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            Map<String, Map<String, Double>> weights = new HashMap<>();
            entriesOfTerm.forEach((language, terms) -> terms.forEach((t, keys) -> weights
                    .computeIfAbsent(language, l -> new HashMap<>()).put(t, Math.log(1 + (double) n / keys.size()))));
            for (Phrasing p : phrasings) {
                Document doc = new Document();
                doc.add(new StoredField("key", p.key()));
                double total = 0;
                for (String t : p.terms()) {
                    doc.add(new StringField(p.language(), t, Field.Store.NO));
                    total += weights.get(p.language()).get(t);
                }
                doc.add(new StoredField("weight", total));
                writer.addDocument(doc);
            }
            writer.commit();
            IndexSearcher searcher = new IndexSearcher(DirectoryReader.open(directory));
            searcher.setSimilarity(new BooleanSimilarity());
            // A word no entry uses weighs as much as a word only one entry uses: it is as telling, the other way.
            index = new FaqIndex(analyzers, searcher, phrasings.size(), UNKNOWN * Math.log(1 + n));
            index.weights.putAll(weights);
            List<String> texts = new ArrayList<>();
            for (Entry entry : entries) {
                texts.addAll(allTexts(entry));
            }
            index.chatWords = new ChatWords(texts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return index;
    }

    /** Every text goes into both languages' fields: people mix them, and an alternative says no language. */
    private static List<String> allTexts(Entry entry) {
        List<String> all = new ArrayList<>(entry.indonesian());
        all.addAll(entry.english());
        all.addAll(entry.context());
        return all;
    }

    /** The best entry for the question, in whichever language matches it better. */
    public Match best(String question) {
        Match best = Match.NONE;
        for (String language : LANGUAGES) {
            Match m = best(language, question);
            if (m.confidence() > best.confidence()) {
                best = m;
            }
        }
        return best;
    }

    private Match best(String language, String question) {
        return scores(language, question).entrySet().stream().max(Map.Entry.comparingByValue())
                .map(e -> new Match(e.getKey(), e.getValue())).orElse(Match.NONE);
    }

    /**
     * The {@code limit} best entries for the question, the best first (ties by key), each with its confidence as
     * {@link #best} measures it (in whichever language matches it better), however low; entries that nothing of the
     * question meets are left out.
     */
    public List<Match> top(String question, int limit) {
        Map<String, Double> byKey = new HashMap<>();
        for (String language : LANGUAGES) {
            scores(language, question).forEach((key, confidence) -> byKey.merge(key, confidence, Math::max));
        }
        return byKey.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(Math.max(0, limit)).map(e -> new Match(e.getKey(), e.getValue())).toList();
    }

    /** Each entry the question meets in this language, with its confidence (0 to 1). */
    private Map<String, Double> scores(String language, String question) {
        Map<String, Double> known = weights.getOrDefault(language, Map.of());
        Set<String> terms = analyzers.terms(language, chatWords.restore(question));
        if (terms.isEmpty() || documents == 0) {
            return Map.of();
        }
        try {
            BooleanQuery.Builder query = new BooleanQuery.Builder();
            double total = 0;
            Set<String> asked = new HashSet<>();
            for (String t : terms) {
                String resolved = known.containsKey(t) ? t : nearest(language, t);
                double factor = resolved == t ? 1 : TYPO;
                if (resolved == null) {
                    total += unknownWeight;
                } else if (asked.add(resolved)) {
                    double w = known.get(resolved) * factor;
                    total += w;
                    query.add(new BoostQuery(new TermQuery(new Term(language, resolved)), (float) w),
                            BooleanClause.Occur.SHOULD);
                }
            }
            if (asked.isEmpty()) {
                return Map.of();
            }
            Map<String, Double> byKey = new HashMap<>();
            for (ScoreDoc hit : searcher.search(query.build(), 50).scoreDocs) {
                Document doc = searcher.storedFields().document(hit.doc);
                double coverQuestion = hit.score / total;
                double coverPhrasing = Math.min(1, hit.score / doc.getField("weight").numericValue().doubleValue());
                double confidence = Math.pow(coverQuestion, QUESTION_SHARE) * Math.pow(coverPhrasing, 1 - QUESTION_SHARE);
                byKey.merge(doc.get("key"), Math.min(1, confidence), Math::max);
            }
            return byKey;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The known term a typo most likely meant (Lucene's fuzzy matching on the index's terms), or null. */
    private String nearest(String language, String typo) throws IOException {
        int length = typo.codePointCount(0, typo.length());
        if (length < 4) {
            return null;
        }
        FuzzyQuery fuzzy = new FuzzyQuery(new Term(language, typo), length >= 7 ? 2 : 1, 1, 10, true,
                new MultiTermQuery.TopTermsBoostOnlyBooleanQueryRewrite(10));
        Query rewritten = searcher.rewrite(fuzzy);
        String best = null;
        float bestBoost = -1;
        for (BooleanClause clause : rewritten instanceof BooleanQuery b ? b.clauses() : List.<BooleanClause>of()) {
            Query q = clause.getQuery();
            float boost = 1;
            if (q instanceof BoostQuery bq) {
                boost = bq.getBoost();
                q = bq.getQuery();
            }
            if (q instanceof org.apache.lucene.search.ConstantScoreQuery c) {
                q = c.getQuery();
            }
            if (q instanceof TermQuery tq && boost > bestBoost) {
                bestBoost = boost;
                best = tq.getTerm().text();
            }
        }
        return best;
    }
}
