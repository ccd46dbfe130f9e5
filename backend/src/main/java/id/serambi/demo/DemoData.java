package id.serambi.demo;

import id.serambi.account.Accounts;
import id.serambi.account.Role;
import id.serambi.assistant.DemoFaq;
import id.serambi.common.SerambiConfig;
import id.serambi.campaign.DemoCampaigns;
import id.serambi.challenge.DemoChallenges;
import id.serambi.event.DemoEvents;
import id.serambi.survey.DemoSurveys;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Demo data for Perpustakaan Kota Banjarbaru (dev profile, or SERAMBI_DEMO_ENABLED=true). Idempotent: what exists is
 * left alone. The demo logins are listed in the README; never enable this on a production instance.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    /** A demo login; the README lists the same four. */
    public record DemoAccount(String email, String password, String displayName, int birthYear, Role role) {
    }

    public static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("admin@demo.serambi.id", "demo-admin-2026", "Admin Perpustakaan", 1985, Role.ADMIN),
            new DemoAccount("staf@demo.serambi.id", "demo-staf-2026", "Rina Wulandari", 1992, Role.STAFF),
            new DemoAccount("peninjau@demo.serambi.id", "demo-peninjau-2026", "Dedi Kurniawan", 1988, Role.REVIEWER),
            new DemoAccount("remaja@demo.serambi.id", "demo-remaja-2026", "Nadia Putri", 2011, Role.MEMBER));

    private final SerambiConfig config;
    private final Accounts accounts;
    private final DemoEvents events;
    private final DemoChallenges challenges;
    private final DemoCampaigns campaigns;
    private final DemoFaq faq;
    private final DemoSurveys surveys;

    public DemoData(SerambiConfig config, Accounts accounts, DemoEvents events, DemoChallenges challenges,
            DemoCampaigns campaigns, DemoFaq faq, DemoSurveys surveys) {
        this.surveys = surveys;
        this.config = config;
        this.accounts = accounts;
        this.events = events;
        this.challenges = challenges;
        this.campaigns = campaigns;
        this.faq = faq;
    }

    void load(@Observes @Priority(30) StartupEvent event) throws Throwable {
        if (!config.demo().enabled()) {
            return;
        }
        LOG.warn("Demo data is enabled (SERAMBI_DEMO_ENABLED): the demo accounts have published passwords");
        for (DemoAccount account : ACCOUNTS) {
            VertxContextSupport.subscribeAndAwait(() -> accounts.ensure(account.email(), account.password(),
                    account.displayName(), account.birthYear(), account.role()).onFailure().recoverWithUni(e -> {
                        LOG.debugf("Demo account %s: %s", account.email(), e.getMessage());
                        return Uni.createFrom().nullItem();
                    }));
        }
        // Virtual events: a book discussion, a seminar, a live Q&A on Facebook Live, a draft workshop and a monthly
        // teen book club, dated from today.
        VertxContextSupport.subscribeAndAwait(() -> events.ensure().onFailure().recoverWithUni(e -> {
            LOG.warnf("Demo events: %s", e.getMessage());
            return Uni.createFrom().voidItem();
        }));
        // The "Umpan balik acara" survey (satisfaction, NPS, what to improve, how they heard of it with a follow-up),
        // published and attached to the demo events when it is first made: their post-event e-mail links to it.
        VertxContextSupport.subscribeAndAwait(() -> surveys.ensureEventFeedback()
                .chain(s -> s.created() ? events.attachFeedbackSurvey(s.id()) : Uni.createFrom().item(0))
                .onFailure().recoverWithUni(e -> {
                    LOG.warnf("Demo feedback survey: %s", e.getMessage());
                    return Uni.createFrom().item(0);
                }));
        // The anonymous "Survei layanan perpustakaan", shared by link and QR code.
        VertxContextSupport.subscribeAndAwait(() -> surveys.ensureLibrarySurvey().onFailure().recoverWithUni(e -> {
            LOG.warnf("Demo library survey: %s", e.getMessage());
            return Uni.createFrom().nullItem();
        }));
        // A teen reading challenge with demo teens on its board (the demo teen login takes part as "BacaTerus").
        VertxContextSupport.subscribeAndAwait(() -> challenges.ensure(ACCOUNTS.get(1).email(), ACCOUNTS.get(3).email())
                .onFailure().recoverWithUni(e -> {
                    LOG.warnf("Demo challenge: %s", e.getMessage());
                    return Uni.createFrom().voidItem();
                }));
        // Campaigns: "Waspada Hoaks" on Instagram and the monthly book club, with posts drafted by the demo staff,
        // reviewed by the demo reviewer, and one published with metrics.
        VertxContextSupport.subscribeAndAwait(() -> campaigns.ensure(ACCOUNTS.get(1).email(), ACCOUNTS.get(2).email())
                .onFailure().recoverWithUni(e -> {
                    LOG.warnf("Demo campaigns: %s", e.getMessage());
                    return Uni.createFrom().voidItem();
                }));
        // Tanya Perpustakaan's knowledge base: 30 entries for a city library, when there is none yet.
        VertxContextSupport.subscribeAndAwait(() -> faq.ensure().onFailure().recoverWithUni(e -> {
            LOG.warnf("Demo FAQ entries: %s", e.getMessage());
            return Uni.createFrom().item(0);
        }));
        LOG.infof("Demo data ready for %s", config.library().name());
    }
}
