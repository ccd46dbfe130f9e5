package id.serambi.survey.builder;

import id.serambi.survey.DemoSurveys;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The demo's surveys, built through the builder's own rules (SurveyService) and published. Idempotent by title. Used
 * by {@link id.serambi.demo.DemoData} only.
 */
@ApplicationScoped
public class SampleSurveys implements DemoSurveys {

    static final String EVENT_FEEDBACK = "Umpan balik acara";
    static final String LIBRARY_SURVEY = "Survei layanan perpustakaan";

    private final SurveyService surveys;
    private final DemoSurveyRepository demo;

    public SampleSurveys(SurveyService surveys, DemoSurveyRepository demo) {
        this.surveys = surveys;
        this.demo = demo;
    }

    @Override
    @WithTransaction
    public Uni<Ensured> ensureEventFeedback() {
        return ensure(EVENT_FEEDBACK, eventFeedback());
    }

    @Override
    @WithTransaction
    public Uni<Ensured> ensureLibrarySurvey() {
        return ensure(LIBRARY_SURVEY, librarySurvey());
    }

    private Uni<Ensured> ensure(String title, SurveyDtos.Request survey) {
        return demo.idByTitle(title).chain(id -> id != null ? Uni.createFrom().item(new Ensured(id, false))
                : surveys.create(survey).chain(created -> surveys.publish(created.id()))
                        .map(published -> new Ensured(published.id(), true)));
    }

    /**
     * Anyone may answer, as often as they like, and nothing links an answer to a person: how often they come, which
     * services they use, satisfaction with the collection (1-5), the recommendation score, and what they wish for.
     */
    static SurveyDtos.Request librarySurvey() {
        SurveyDtos.Question often = question("kunjungan", "Seberapa sering Anda berkunjung ke perpustakaan?",
                "How often do you visit the library?", SurveyDtos.QuestionType.SINGLE_CHOICE, true, List.of(
                        option("mingguan", "Setiap minggu", "Every week"),
                        option("bulanan", "Setiap bulan", "Every month"),
                        option("jarang", "Beberapa kali setahun", "A few times a year"),
                        option("belum", "Belum pernah", "Never yet")), null);
        SurveyDtos.Question services = question("layanan", "Layanan apa saja yang Anda gunakan?",
                "Which services do you use?", SurveyDtos.QuestionType.MULTIPLE_CHOICE, false, List.of(
                        option("pinjam", "Peminjaman buku", "Borrowing books"),
                        option("ruang-baca", "Ruang baca", "The reading room"),
                        option("acara", "Acara virtual", "Virtual events"),
                        option("tantangan", "Tantangan membaca", "Reading challenges"),
                        option("media-sosial", "Media sosial perpustakaan", "The library's social media")), null);
        SurveyDtos.Question collection = question("koleksi", "Seberapa puas Anda dengan koleksi buku kami?",
                "How satisfied are you with our book collection?", SurveyDtos.QuestionType.SCALE_5, true, List.of(), null);
        SurveyDtos.Question recommend = question("rekomendasi",
                "Seberapa mungkin Anda merekomendasikan perpustakaan kepada teman?",
                "How likely are you to recommend the library to a friend?", SurveyDtos.QuestionType.NPS, true, List.of(),
                null);
        SurveyDtos.Question wish = question("harapan", "Program apa yang Anda harapkan dari perpustakaan?",
                "Which programmes would you like the library to offer?", SurveyDtos.QuestionType.LONG_TEXT, false,
                List.of(), null);
        return new SurveyDtos.Request(new SurveyDtos.Text(LIBRARY_SURVEY, "Library services survey"),
                new SurveyDtos.LongText("Bantu Perpustakaan Kota Banjarbaru mengenal keinginan dan harapan Anda. Survei "
                        + "ini anonim: kami tidak mencatat siapa yang menjawab.",
                        "Help Perpustakaan Kota Banjarbaru learn what you wish for. This survey is anonymous: we do not "
                                + "record who answers."),
                SurveyDtos.Access.ANONYMOUS, false, List.of(new SurveyDtos.Section(null,
                        List.of(often, services, collection, recommend, wish))));
    }

    /**
     * Satisfaction (1-5), the recommendation score (NPS), what to improve (long text), and how they heard of the
     * event, with a follow-up asked only of those who chose "another way".
     */
    static SurveyDtos.Request eventFeedback() {
        SurveyDtos.Question satisfied = question("kepuasan", "Seberapa puas Anda dengan acara ini?",
                "How satisfied are you with this event?", SurveyDtos.QuestionType.SCALE_5, true, List.of(), null);
        SurveyDtos.Question recommend = question("rekomendasi",
                "Seberapa mungkin Anda merekomendasikan acara perpustakaan kepada teman?",
                "How likely are you to recommend the library's events to a friend?", SurveyDtos.QuestionType.NPS, true,
                List.of(), null);
        SurveyDtos.Question improve = question("perbaikan", "Apa yang sebaiknya kami perbaiki?",
                "What should we improve?", SurveyDtos.QuestionType.LONG_TEXT, false, List.of(), null);
        SurveyDtos.Question heard = question("sumber-info", "Dari mana Anda tahu tentang acara ini?",
                "How did you hear about this event?", SurveyDtos.QuestionType.SINGLE_CHOICE, true, List.of(
                        option("media-sosial", "Media sosial perpustakaan", "The library's social media"),
                        option("whatsapp", "Grup WhatsApp", "A WhatsApp group"),
                        option("teman", "Teman atau keluarga", "Friends or family"),
                        option("situs", "Situs web perpustakaan", "The library's website"),
                        option("lainnya", "Cara lain", "Another way")), null);
        SurveyDtos.Question other = question("sumber-lain", "Dari mana tepatnya?", "Where exactly?",
                SurveyDtos.QuestionType.SHORT_TEXT, false, List.of(),
                new SurveyDtos.Condition("sumber-info", "lainnya"));
        return new SurveyDtos.Request(new SurveyDtos.Text(EVENT_FEEDBACK, "Event feedback"),
                new SurveyDtos.LongText("Terima kasih sudah ikut acara kami. Jawaban Anda membantu kami menyiapkan "
                        + "acara berikutnya; hanya perlu dua menit.",
                        "Thank you for joining our event. Your answers help us plan the next one; it takes two minutes."),
                SurveyDtos.Access.MANAGE_LINK, true, List.of(
                        new SurveyDtos.Section(new SurveyDtos.Text("Tentang acara", "About the event"),
                                List.of(satisfied, recommend, improve)),
                        new SurveyDtos.Section(new SurveyDtos.Text("Tentang Anda", "About you"), List.of(heard, other))));
    }

    private static SurveyDtos.Question question(String key, String id, String en, SurveyDtos.QuestionType type,
            boolean required, List<SurveyDtos.Option> options, SurveyDtos.Condition condition) {
        return new SurveyDtos.Question(key, new SurveyDtos.Text(id, en), type, required, options, null, null, condition);
    }

    private static SurveyDtos.Option option(String key, String id, String en) {
        return new SurveyDtos.Option(key, new SurveyDtos.Text(id, en));
    }
}
