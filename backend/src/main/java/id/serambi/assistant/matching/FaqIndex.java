package id.serambi.assistant.matching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DocIdSetIterator;
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
 * of the question's terms it holds. An entry's phrasing match is how much of the question its best phrasing covers and
 * how much of that phrasing the question covers ({@code cq^0.85 * cp^0.15}); its entry coverage is how much of the
 * question all its texts cover together (a question often joins words of two of an entry's phrasings); the
 * confidence is {@code phrasing^0.8 * entry^0.2}, and the best entry is the one with the highest: 1 for the question
 * itself, 0 when nothing meets.
 *
 * <p>The library's vocabulary decides what is on topic: a word no entry uses (after typos are mended) counts in the
 * question's weight as half the rarest word, so a question made mostly of words the library never uses ("cuaca",
 * "presiden", "pilkada") covers little of itself and is handed over, while one whose words are all the library's keeps
 * its coverage. On the evaluation set (FaqIndexTest) this answers 128 of the 159 answerable questions rightly at the
 * threshold 0.55 against 89 before, with 1 of the 51 hand-over questions answered as before.
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
    private static final double UNKNOWN = 0.5;
    /** The confidence is the best phrasing's match to this power times the entry's coverage to the rest. */
    private static final double PHRASING_SHARE = 0.8;
    /** How many best phrasings a question's entries are chosen from. */
    private static final int CANDIDATES = 50;
    private static final String PHRASING = "phrasing";
    /** A term in more phrasings than this is common (see {@link #scored(String, String)}). */
    private static final int COMMON = 1000;

    private final FaqAnalyzers analyzers;
    private final IndexSearcher searcher;
    private final int documents;
    /** Per language: each known term's weight. */
    private final Map<String, Map<String, Double>> weights = new HashMap<>();
    private final double unknownWeight;

    private ChatWords chatWords;
    /** Per language: the entries (their numbers, ascending) that use each term in any of their texts. */
    private Map<String, Map<String, int[]>> entriesOfTerm = Map.of();
    /** The entries' keys by number; each phrasing's entry and weight by number; each Lucene document's phrasing. */
    private String[] keys = new String[0];
    private int[] entryOfPhrasing = new int[0];
    private double[] weightOfPhrasing = new double[0];
    private int[] phrasingOfDoc = new int[0];
    /** The Lucene index's bytes in memory. */
    private long indexBytes;

    private FaqIndex(FaqAnalyzers analyzers, IndexSearcher searcher, int documents, double unknownWeight) {
        this.analyzers = analyzers;
        this.searcher = searcher;
        this.documents = documents;
        this.unknownWeight = unknownWeight;
    }

    /** Indexes these entries. */
    public static FaqIndex build(FaqAnalyzers analyzers, Collection<Entry> entries) {
        int n = Math.max(1, entries.size());
        // Pass 1: every phrasing's terms, and which entries (by their place in the list) use each term.
        record Phrasing(int entry, String language, Set<String> terms) {
        }
        List<Phrasing> phrasings = new ArrayList<>();
        String[] keys = new String[entries.size()];
        Map<String, Map<String, IntList>> users = new HashMap<>();
        int ordinal = 0;
        for (Entry entry : entries) {
            keys[ordinal] = entry.key();
            for (String language : LANGUAGES) {
                Map<String, IntList> ofLanguage = users.computeIfAbsent(language, l -> new HashMap<>());
                for (String text : allTexts(entry)) {
                    Set<String> terms = analyzers.terms(language, text);
                    if (terms.isEmpty()) {
                        continue;
                    }
                    phrasings.add(new Phrasing(ordinal, language, terms));
                    for (String t : terms) {
                        ofLanguage.computeIfAbsent(t, x -> new IntList()).addOnce(ordinal);
                    }
                }
            }
            ordinal++;
        }
        FaqIndex index;
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            Map<String, Map<String, Double>> weights = new HashMap<>();
            Map<String, Map<String, int[]>> entriesOfTerm = new HashMap<>();
            users.forEach((language, terms) -> terms.forEach((t, list) -> {
                weights.computeIfAbsent(language, l -> new HashMap<>()).put(t, Math.log(1 + (double) n / list.size));
                entriesOfTerm.computeIfAbsent(language, l -> new HashMap<>()).put(t, list.toArray());
            }));
            int[] entryOfPhrasing = new int[phrasings.size()];
            double[] weightOfPhrasing = new double[phrasings.size()];
            for (int i = 0; i < phrasings.size(); i++) {
                Phrasing p = phrasings.get(i);
                Document doc = new Document();
                doc.add(new NumericDocValuesField(PHRASING, i));
                double total = 0;
                for (String t : p.terms()) {
                    doc.add(new StringField(p.language(), t, Field.Store.NO));
                    total += weights.get(p.language()).get(t);
                }
                entryOfPhrasing[i] = p.entry();
                weightOfPhrasing[i] = total;
                writer.addDocument(doc);
            }
            writer.commit();
            DirectoryReader reader = DirectoryReader.open(directory);
            // Lucene's document numbers to the phrasings', read once: no stored field is read per question.
            int[] phrasingOfDoc = new int[reader.maxDoc()];
            for (LeafReaderContext leaf : reader.leaves()) {
                NumericDocValues values = leaf.reader().getNumericDocValues(PHRASING);
                for (int d = values.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = values.nextDoc()) {
                    phrasingOfDoc[leaf.docBase + d] = (int) values.longValue();
                }
            }
            IndexSearcher searcher = new IndexSearcher(reader);
            searcher.setSimilarity(new BooleanSimilarity());
            // A word no entry uses weighs as much as a word only one entry uses: it is as telling, the other way.
            index = new FaqIndex(analyzers, searcher, phrasings.size(), UNKNOWN * Math.log(1 + n));
            index.weights.putAll(weights);
            index.entriesOfTerm = entriesOfTerm;
            index.keys = keys;
            index.entryOfPhrasing = entryOfPhrasing;
            index.weightOfPhrasing = weightOfPhrasing;
            index.phrasingOfDoc = phrasingOfDoc;
            for (String file : directory.listAll()) {
                index.indexBytes += directory.fileLength(file);
            }
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

    /** A growing list of entry numbers, each added once (they come in order). */
    private static final class IntList {
        private int[] values = new int[2];
        private int size;

        void addOnce(int value) {
            if (size > 0 && values[size - 1] == value) {
                return;
            }
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    /** Every text goes into both languages' fields: people mix them, and an alternative says no language. */
    private static List<String> allTexts(Entry entry) {
        List<String> all = new ArrayList<>(entry.indonesian());
        all.addAll(entry.english());
        all.addAll(entry.context());
        return all;
    }

    /** The Lucene index's files' bytes, held in memory (the term weights and known words come on top). */
    public long indexBytes() {
        return indexBytes;
    }

    /** How many phrasings (documents) the index holds. */
    public int documents() {
        return documents;
    }

    /** The best entry for the question, in whichever language matches it better. */
    public Match best(String question) {
        Signals best = explain(question);
        return best.key() == null ? Match.NONE : new Match(best.key(), Math.min(1, best.confidence()));
    }

    /**
     * What the match of a question rests on, in the language that matches it better: the best entry, the confidence
     * (see the class), its two parts (how well its best phrasing matches, how much of the question the entry's texts
     * cover together), the runner-up entry's confidence, and how much of the question's weight is the knowledge base's
     * own vocabulary (1 when the entries use every word; a typo counts as the word it meant).
     */
    public record Signals(String key, double confidence, double phrasing, double entry, double runnerUp, double vocabulary) {
        static final Signals NONE = new Signals(null, 0, 0, 0, 0, 0);
    }

    /** Why the question matches what it matches (for tests and for tuning; {@link #best} is its key and confidence). */
    public Signals explain(String question) {
        Signals best = Signals.NONE;
        String restored = chatWords.restore(question);
        for (String language : LANGUAGES) {
            Signals m = scored(language, restored).best();
            if (m.confidence() > best.confidence()) {
                best = m;
            }
        }
        return best;
    }

    /**
     * The {@code limit} best entries for the question, the best first (ties by key), each with its confidence as
     * {@link #best} measures it (in whichever language matches it better), however low; entries that nothing of the
     * question meets are left out.
     */
    public List<Match> top(String question, int limit) {
        Map<String, Double> byKey = new HashMap<>();
        String restored = chatWords.restore(question);
        for (String language : LANGUAGES) {
            scored(language, restored).confidences().forEach((key, confidence) -> byKey.merge(key, confidence, Math::max));
        }
        return byKey.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(Math.max(0, limit)).map(e -> new Match(e.getKey(), e.getValue())).toList();
    }

    /** The match of a question in one language: its signals, and each candidate entry's confidence (0 to 1). */
    private record Scored(Signals best, Map<String, Double> confidences) {
        static final Scored NONE = new Scored(Signals.NONE, Map.of());
    }

    /** The match of a question whose chat shorthand and typos are already restored, in one language. */
    private Scored scored(String language, String restored) {
        Map<String, Double> known = weights.getOrDefault(language, Map.of());
        Set<String> terms = analyzers.terms(language, restored);
        if (terms.isEmpty() || documents == 0) {
            return Scored.NONE;
        }
        try {
            // Terms that most phrasings use ("buku", "perpustakaan" in a large knowledge base) only add to the score of
            // phrasings that hold one of the question's rarer terms, when it has any: the search then walks the rare
            // terms' short lists, not the common ones' long lists, and the best phrasings come out the same.
            BooleanQuery.Builder rare = new BooleanQuery.Builder();
            BooleanQuery.Builder common = new BooleanQuery.Builder();
            boolean anyRare = false;
            boolean anyCommon = false;
            double total = 0;
            double unknownTotal = 0;
            Set<String> asked = new HashSet<>();
            Map<String, Double> askedWeight = new HashMap<>();
            for (String t : terms) {
                String resolved = known.containsKey(t) ? t : nearest(language, t);
                double factor = resolved == t ? 1 : TYPO;
                if (resolved == null) {
                    total += unknownWeight;
                    unknownTotal += unknownWeight;
                } else if (asked.add(resolved)) {
                    double w = known.get(resolved) * factor;
                    total += w;
                    askedWeight.put(resolved, w);
                    Term term = new Term(language, resolved);
                    Query clause = new BoostQuery(new TermQuery(term), (float) w);
                    if (searcher.getIndexReader().docFreq(term) > COMMON) {
                        common.add(clause, BooleanClause.Occur.SHOULD);
                        anyCommon = true;
                    } else {
                        rare.add(clause, BooleanClause.Occur.SHOULD);
                        anyRare = true;
                    }
                }
            }
            if (asked.isEmpty()) {
                return Scored.NONE;
            }
            Query query;
            if (!anyRare) {
                query = common.build();
            } else if (!anyCommon) {
                query = rare.build();
            } else {
                query = common.add(rare.build(), BooleanClause.Occur.MUST).build();
            }
            // Each entry's best phrasing; then how much of the question the entry's texts cover together.
            Map<Integer, Double> byEntry = new HashMap<>();
            for (ScoreDoc hit : searcher.search(query, CANDIDATES).scoreDocs) {
                int phrasing = phrasingOfDoc[hit.doc];
                double coverQuestion = hit.score / total;
                double coverPhrasing = Math.min(1, hit.score / weightOfPhrasing[phrasing]);
                double confidence = Math.pow(coverQuestion, QUESTION_SHARE) * Math.pow(coverPhrasing, 1 - QUESTION_SHARE);
                byEntry.merge(entryOfPhrasing[phrasing], confidence, Math::max);
            }
            Map<String, int[]> users = entriesOfTerm.getOrDefault(language, Map.of());
            String key = null;
            double first = 0;
            double second = 0;
            double own = 0;
            double firstPhrasing = 0;
            Map<String, Double> confidences = new HashMap<>();
            for (Map.Entry<Integer, Double> e : byEntry.entrySet()) {
                double cover = 0;
                for (Map.Entry<String, Double> a : askedWeight.entrySet()) {
                    if (Arrays.binarySearch(users.get(a.getKey()), e.getKey()) >= 0) {
                        cover += a.getValue();
                    }
                }
                cover /= total;
                double c = Math.pow(e.getValue(), PHRASING_SHARE) * Math.pow(cover, 1 - PHRASING_SHARE);
                confidences.put(keys[e.getKey()], Math.min(1, c));
                if (c > first) {
                    second = first;
                    first = c;
                    key = keys[e.getKey()];
                    own = cover;
                    firstPhrasing = e.getValue();
                } else if (c > second) {
                    second = c;
                }
            }
            if (key == null) {
                return Scored.NONE;
            }
            return new Scored(new Signals(key, first, firstPhrasing, own, second, 1 - unknownTotal / total), confidences);
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
