package id.serambi.event.samples;

import id.serambi.common.Audience;
import id.serambi.common.SerambiConfig;
import id.serambi.event.DemoEvents;
import id.serambi.event.catalogue.EventRequest;
import id.serambi.event.catalogue.EventService;
import id.serambi.event.catalogue.EventType;
import id.serambi.event.catalogue.Platform;
import id.serambi.event.registration.AgeGroup;
import id.serambi.event.registration.RegistrationRequest;
import id.serambi.event.registration.RegistrationService;
import id.serambi.event.series.EventSeriesService;
import id.serambi.event.series.SeriesRequest;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Demo events for Perpustakaan Kota Banjarbaru, dated from today in the library's zone. Idempotent: an event (or
 * series) whose title exists is left alone. Used by {@link id.serambi.demo.DemoData} only.
 */
@ApplicationScoped
public class SampleEvents implements DemoEvents {

    private record Demo(EventRequest request, boolean publish, List<String[]> registrants) {
    }

    private final EventService events;
    private final EventSeriesService series;
    private final RegistrationService registrations;
    private final ZoneId zone;

    public SampleEvents(EventService events, EventSeriesService series, RegistrationService registrations,
            SerambiConfig config) {
        this.events = events;
        this.series = series;
        this.registrations = registrations;
        this.zone = config.library().timeZone();
    }

    @Override
    public Uni<Void> ensure() {
        List<Demo> demos = List.of(
                new Demo(request("Diskusi Buku: Laskar Pelangi",
                        "Membahas novel Laskar Pelangi karya Andrea Hirata: persahabatan, sekolah di Belitung, dan arti "
                                + "pendidikan. Terbuka untuk semua; silakan membaca bukunya lebih dulu.",
                        EventType.BOOK_DISCUSSION, Audience.ALL, at(7, 19, 30), 90, Platform.ZOOM,
                        "https://zoom.us/j/81234567890", 50), true,
                        List.of(new String[] { "Siti Rahmah", "siti.rahmah@demo.serambi.id" },
                                new String[] { "Ahmad Fauzi", "ahmad.fauzi@demo.serambi.id" },
                                new String[] { "Dewi Lestari", "dewi.lestari@demo.serambi.id" })),
                new Demo(request("Seminar Literasi Digital: Mengenali Hoaks",
                        "Cara memeriksa berita dan pesan berantai sebelum membagikannya, bersama pustakawan dan "
                                + "pegiat literasi digital Kalimantan Selatan.",
                        EventType.SEMINAR, Audience.ADULTS, at(10, 10, 0), 120, Platform.GOOGLE_MEET,
                        "https://meet.google.com/abc-defg-hij", 100), true, List.of()),
                new Demo(request("Tanya Jawab Langsung bersama Pustakawan",
                        "Tanyakan apa saja: keanggotaan, koleksi digital, rekomendasi bacaan, atau layanan "
                                + "perpustakaan keliling. Siaran langsung di halaman Facebook perpustakaan.",
                        EventType.LIVE_QA, Audience.ALL, at(3, 16, 0), 60, Platform.FACEBOOK_LIVE,
                        "https://www.facebook.com/perpustakaankotabanjarbaru/live", null), true, List.of()),
                new Demo(request("Lokakarya Menulis Cerita Anak",
                        "Belajar menulis dan menggambar cerita pendek untuk anak usia 8-12 tahun.",
                        EventType.WORKSHOP, Audience.CHILDREN, at(21, 9, 0), 120, Platform.ZOOM,
                        "https://zoom.us/j/89876543210", 30), false, List.of()));
        return Multi.createFrom().iterable(demos)
                .onItem().transformToUniAndConcatenate(this::ensure)
                .collect().asList()
                .chain(ignored -> ensureBookClub());
    }

    @Override
    public Uni<Integer> attachFeedbackSurvey(long surveyId) {
        return events.attachFeedbackSurvey(List.of("Diskusi Buku: Laskar Pelangi",
                "Seminar Literasi Digital: Mengenali Hoaks", "Tanya Jawab Langsung bersama Pustakawan",
                "Lokakarya Menulis Cerita Anak", "Klub Buku Remaja"), surveyId);
    }

    private Uni<Void> ensure(Demo demo) {
        return events.titleTaken(demo.request().title()).chain(taken -> taken ? Uni.createFrom().voidItem()
                : events.create(demo.request())
                        .call(e -> demo.publish() ? events.publish(e.id()) : Uni.createFrom().voidItem())
                        .chain(e -> Multi.createFrom().iterable(demo.registrants())
                                .onItem().transformToUniAndConcatenate(p -> registrations.register(e.id(),
                                        new RegistrationRequest(p[0], p[1], null, AgeGroup.ADULT)))
                                .collect().asList())
                        .replaceWithVoid());
    }

    private Uni<Void> ensureBookClub() {
        String title = "Klub Buku Remaja";
        return series.titleTaken(title).chain(taken -> taken ? Uni.createFrom().voidItem()
                : series.create(new SeriesRequest(title, request(title,
                        "Bertemu sebulan sekali, membahas buku pilihan anggota. Untuk remaja 13-18 tahun; "
                                + "ikut dengan nama panggilan saja.",
                        EventType.BOOK_CLUB, Audience.TEENS, at(5, 15, 0), 90, Platform.ZOOM,
                        "https://zoom.us/j/85550001111", 25), 6, true)).replaceWithVoid());
    }

    private static EventRequest request(String title, String description, EventType type, Audience audience,
            Instant start, int minutes, Platform platform, String joinUrl, Integer capacity) {
        return new EventRequest(title, description, type, audience, "id", start, start.plusSeconds(minutes * 60L),
                platform, joinUrl, capacity, null, start.minusSeconds(3600), null);
    }

    /** A local time in the library's zone, some days from today. */
    private Instant at(int days, int hour, int minute) {
        return LocalDate.now(zone).plusDays(days).atTime(hour, minute).atZone(zone).toInstant();
    }
}
