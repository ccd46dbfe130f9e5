package id.serambi.assistant.matching;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.analysis.id.IndonesianStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The two analysers the assistant reads questions and entries with, the same on both sides: words split and lower-cased,
 * accents folded, chat Indonesian mapped to the knowledge base's words ({@code assistant/synonyms.txt}: "gmn", "perpus",
 * "pinjem", "jam brp", "wi-fi"), stop words dropped (Lucene's Indonesian list plus chat greetings), and stemmed
 * (Lucene's Indonesian stemmer, derivational affixes included: "peminjaman" and "pinjam" meet). The English one uses
 * the same synonyms, English stop words and the Porter stemmer.
 */
public final class FaqAnalyzers {

    /** Greetings and chat particles that say nothing about what is asked. */
    private static final List<String> CHAT_WORDS = List.of("halo", "hallo", "hai", "hi", "hello", "min", "mimin", "admin",
            "kak", "ka", "kakak", "gan", "sis", "bang", "mas", "mbak", "pak", "bu", "bapak", "ibu", "assalamualaikum",
            "assalamu'alaikum", "salam", "wr", "wb", "permisi", "tanya", "nanya", "mohon", "info", "informasi", "tolong",
            "dong", "donk", "ya", "yah", "nih", "sih", "deh", "kah", "lho", "loh", "tuh", "aja", "saja", "gitu", "terima",
            "kasih", "makasih", "thanks", "thank", "please", "pls", "ok", "oke", "selamat", "pagi", "siang", "sore",
            "mau", "ingin", "pengen", "pingin", "bisa", "apakah", "apa", "kalo", "kalau", "klo", "yang", "saya");

    private final SynonymMap synonyms;
    private final Analyzer indonesian;
    private final Analyzer english;

    public FaqAnalyzers() {
        this.synonyms = loadSynonyms();
        CharArraySet idStop = new CharArraySet(IndonesianAnalyzer.getDefaultStopSet(), false);
        idStop.addAll(CHAT_WORDS);
        CharArraySet enStop = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, false);
        enStop.addAll(CHAT_WORDS);
        enStop.addAll(List.of("can", "do", "does", "how", "what", "when", "where", "which", "who", "i", "me", "my", "you",
                "your", "we", "our", "is", "am", "are", "get", "want", "would", "like", "know", "need"));
        this.indonesian = new Chain(synonyms, idStop, false);
        this.english = new Chain(synonyms, enStop, true);
    }

    /** The analyser of a language: "en", or Indonesian for anything else. */
    public Analyzer forLanguage(String language) {
        return "en".equals(language) ? english : indonesian;
    }

    /** The distinct terms the analyser makes of a text, in order. */
    public Set<String> terms(String language, String text) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream stream = forLanguage(language).tokenStream("q", text == null ? "" : text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (term.length() > 1) {
                    terms.add(term.toString());
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    private static final class Chain extends Analyzer {
        private final SynonymMap synonyms;
        private final CharArraySet stop;
        private final boolean english;

        Chain(SynonymMap synonyms, CharArraySet stop, boolean english) {
            this.synonyms = synonyms;
            this.stop = stop;
            this.english = english;
        }

        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            TokenStream s = new ASCIIFoldingFilter(new LowerCaseFilter(source));
            if (english) {
                s = new EnglishPossessiveFilter(s);
            }
            s = new FlattenGraphFilter(new SynonymGraphFilter(s, synonyms, true));
            s = new StopFilter(s, stop);
            s = english ? new PorterStemFilter(s) : new IndonesianStemFilter(s, true);
            return new TokenStreamComponents(source, s);
        }
    }

    private static SynonymMap loadSynonyms() {
        // The rules are read with the chain's first steps, so that "Wi-Fi" in a rule is split as in a question.
        Analyzer plain = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, new ASCIIFoldingFilter(new LowerCaseFilter(source)));
            }
        };
        SolrSynonymParser parser = new SolrSynonymParser(true, true, plain);
        try (InputStream in = FaqAnalyzers.class.getResourceAsStream("/assistant/synonyms.txt");
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            parser.parse(reader);
            return parser.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalStateException("assistant/synonyms.txt line " + e.getErrorOffset() + ": " + e.getMessage(), e);
        }
    }
}
