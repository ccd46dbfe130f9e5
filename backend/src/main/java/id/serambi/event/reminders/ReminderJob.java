package id.serambi.event.reminders;

import id.serambi.common.SerambiConfig;
import id.serambi.event.catalogue.Event;
import id.serambi.event.catalogue.EventRepository;
import id.serambi.event.registration.EventMails;
import id.serambi.event.registration.Registration;
import id.serambi.event.registration.RegistrationRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Reminders about a day before an event (by WhatsApp to registrants who opted in, see {@link EventMails}), and COMPLETED for events that have ended. Safe with any number of
 * instances: each reminder is claimed by an UPDATE before it is sent, so exactly one instance sends it. A send that
 * fails after the claim is logged and not retried (at most once, never twice).
 */
@ApplicationScoped
public class ReminderJob {

    private static final Logger LOG = Logger.getLogger(ReminderJob.class);

    private record Due(Event event, Registration registration) {
    }

    private final RegistrationRepository registrations;
    private final EventRepository events;
    private final EventMails mails;
    private final Duration lead;
    private final Duration hourLead;

    public ReminderJob(RegistrationRepository registrations, EventRepository events, EventMails mails,
            SerambiConfig config) {
        this.registrations = registrations;
        this.events = events;
        this.mails = mails;
        this.lead = config.events().reminderLead();
        this.hourLead = config.events().hourReminderLead();
    }

    @Scheduled(identity = "event-reminders", every = "${serambi.events.reminder-every:5m}",
            delayed = "${serambi.events.reminder-delay:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return sendDueReminders().onFailure().recoverWithItem(e -> {
            LOG.error("Event reminders failed", e);
            return 0;
        }).replaceWithVoid();
    }

    /** Sends the reminders that are due and returns how many this instance sent. */
    public Uni<Integer> sendDueReminders() {
        return claim().call(due -> due.isEmpty() ? Uni.createFrom().voidItem()
                : mails.reminders(due.stream().map(d -> new EventMails.Reminder(d.event(), d.registration())).toList()))
                .map(due -> {
                    if (!due.isEmpty()) {
                        LOG.infof("Sent %d event reminders", due.size());
                    }
                    return due.size();
                });
    }

    @WithTransaction
    Uni<List<Due>> claim() {
        return events.completeEnded()
                .chain(() -> registrations.claimDueReminders(lead, hourLead))
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<Due>of())
                        : registrations.byIds(ids)
                                .chain(claimed -> events.byIds(claimed.stream().map(r -> r.eventId).distinct().toList())
                                        .map(found -> {
                                            Map<Long, Event> byId = found.stream()
                                                    .collect(Collectors.toMap(e -> e.id, Function.identity()));
                                            return claimed.stream().map(r -> new Due(byId.get(r.eventId), r)).toList();
                                        })));
    }
}
