package id.serambi.challenge;

import id.serambi.account.Role;
import id.serambi.account.Accounts;
import id.serambi.challenge.catalogue.ChallengeRequest;
import id.serambi.challenge.catalogue.ChallengeService;
import id.serambi.challenge.catalogue.GoalType;
import id.serambi.challenge.participation.ParticipationDtos;
import id.serambi.challenge.participation.ParticipationService;
import id.serambi.common.SerambiConfig;
import id.serambi.common.Audience;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;

/**
 * A demo reading challenge for Perpustakaan Kota Banjarbaru's teens, with a board that already has some life: demo
 * teens (password {@code demo-remaja-2026}) with nicknames, schools and logs of Indonesian books. Idempotent: skipped
 * when a challenge of that title exists. Used by {@link id.serambi.demo.DemoData} only.
 */
@ApplicationScoped
public class DemoChallenges {

    static final String TITLE = "Tantangan Membaca Remaja: Pekan Literasi Banjarbaru";
    private static final String[] SCHOOLS = { "SMP Negeri 1 Banjarbaru", "SMP Negeri 4 Banjarbaru",
            "SMA Negeri 1 Banjarbaru", "SMA Negeri 2 Banjarbaru" };
    private static final String[][] BOOKS = { { "Laskar Pelangi", "Andrea Hirata" }, { "Negeri 5 Menara", "Ahmad Fuadi" },
            { "Bumi", "Tere Liye" }, { "Si Anak Singkong", "Chairul Tanjung" }, { "Hujan", "Tere Liye" },
            { "Sang Pemimpi", "Andrea Hirata" }, { "Dilan 1990", "Pidi Baiq" }, { "Rindu", "Tere Liye" } };
    private static final String[] NICKNAMES = { "KutuBukuBanjar", "PembacaSenja", "BintangLiterasi", "MartapuraReader",
            "RajaHalaman", "SiPenaEmas", "LangitBaca", "KancilCerdas" };

    private final ChallengeService challenges;
    private final ParticipationService participation;
    private final Accounts accounts;
    private final SerambiConfig config;

    public DemoChallenges(ChallengeService challenges, ParticipationService participation, Accounts accounts,
            SerambiConfig config) {
        this.challenges = challenges;
        this.participation = participation;
        this.accounts = accounts;
        this.config = config;
    }

    public Uni<Void> ensure(String staffEmail, String teenEmail) {
        return challenges.existsWithTitle(TITLE).chain(exists -> exists ? Uni.createFrom().voidItem()
                : accounts.idByEmail(staffEmail)
                        .chain(staffId -> challenges.create(request(), staffId))
                        .chain(created -> challenges.publish(created.id()))
                        .chain(published -> seed(published.id(), teenEmail)));
    }

    private ChallengeRequest request() {
        LocalDate today = LocalDate.now(config.library().timeZone());
        return new ChallengeRequest(TITLE,
                "Selama Pekan Literasi, catat setiap buku yang kamu baca, kumpulkan poin dan lencana, dan lihat papan "
                        + "peringkat bergerak langsung. Hanya nama panggilanmu yang tampil di papan peringkat.",
                Audience.TEENS, today.minusDays(7), today.plusDays(30), GoalType.BOOKS, 10, 10, 1, 0, 5, 600, 600,
                null, null, List.of(SCHOOLS), List.of(new ChallengeRequest.BadgeRequest("Pembaca Pemula", 50),
                        new ChallengeRequest.BadgeRequest("Penjelajah Cerita", 250),
                        new ChallengeRequest.BadgeRequest("Kutu Buku", 600),
                        new ChallengeRequest.BadgeRequest("Tamu Diskusi Buku", null)), null, null);
    }

    private Uni<Void> seed(long challengeId, String teenEmail) {
        LocalDate today = LocalDate.now(config.library().timeZone());
        Uni<Void> chain = accounts.idByEmail(teenEmail)
                .chain(teenId -> participation.join(challengeId, teenId,
                        new ParticipationDtos.Join("BacaTerus", SCHOOLS[0])))
                .replaceWithVoid();
        for (int i = 0; i < NICKNAMES.length; i++) {
            int n = i;
            String email = "remaja" + (n + 1) + "@demo.serambi.id";
            chain = chain.chain(() -> accounts.ensure(email, "demo-remaja-2026", "Remaja Demo " + (n + 1),
                    2008 + n % 5, Role.MEMBER))
                    .chain(userId -> participation.join(challengeId, userId,
                            new ParticipationDtos.Join(NICKNAMES[n], SCHOOLS[n % SCHOOLS.length]))
                            .replaceWith(userId))
                    .chain(userId -> logs(challengeId, userId, n, today));
        }
        return chain;
    }

    private Uni<Void> logs(long challengeId, long userId, int n, LocalDate today) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int k = 0; k <= (NICKNAMES.length - n) % 5; k++) {
            String[] book = BOOKS[(n + k) % BOOKS.length];
            int pages = 60 + ((n * 37 + k * 53) % 180);
            ParticipationDtos.Log log = new ParticipationDtos.Log(book[0], book[1], null, pages, null, true,
                    today.minusDays(1 + (k + n) % 6), k == 0 ? "Seru dan penuh semangat, cocok untuk remaja." : null,
                    k == 0);
            chain = chain.chain(() -> participation.log(challengeId, userId, log)).replaceWithVoid();
        }
        return chain;
    }
}
