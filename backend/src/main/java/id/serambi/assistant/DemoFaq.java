package id.serambi.assistant;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.serambi.assistant.knowledge.FaqDtos;
import id.serambi.assistant.knowledge.FaqService;
import id.serambi.assistant.knowledge.LiveAnswer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The demo knowledge base of Tanya Perpustakaan: the 30 entries of resources assistant/demo-entries.json (the ones the
 * evaluation set is measured on), loaded when the knowledge base is empty. Used by {@link id.serambi.demo.DemoData}.
 */
@ApplicationScoped
public class DemoFaq {

    /** One entry as demo-entries.json writes it. */
    record DemoEntry(String key, List<String> tags, String live, FaqDtos.Text question, List<String> alternatives,
            FaqDtos.Text answer, List<FaqDtos.Link> links) {

        FaqDtos.Request request() {
            return new FaqDtos.Request(key, question.id(), question.en(), alternatives, answer.id(), answer.en(), links, tags,
                    live == null ? null : LiveAnswer.valueOf(live), true);
        }
    }

    private final FaqService faq;
    private final ObjectMapper json;

    public DemoFaq(FaqService faq, ObjectMapper json) {
        this.faq = faq;
        this.json = json;
    }

    /** Loads the demo entries unless the knowledge base has any; how many were added. */
    public Uni<Integer> ensure() {
        return faq.loadWhenEmpty(entries());
    }

    List<FaqDtos.Request> entries() {
        try (InputStream in = DemoFaq.class.getResourceAsStream("/assistant/demo-entries.json")) {
            List<DemoEntry> entries = json.readValue(in, new TypeReference<List<DemoEntry>>() {
            });
            return entries.stream().map(DemoEntry::request).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
