package id.serambi.event.messaging;

import id.serambi.event.catalogue.Event;
import id.serambi.event.catalogue.EventRepository;
import id.serambi.event.registration.Registration;
import id.serambi.event.registration.RegistrationRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * After an event, each patron who held a seat (CONFIRMED or ATTENDED) is e-mailed once a request for feedback, with
 * a fresh link to the event's feedback survey when it has one (issue 20), else to their manage page, where the fixed
 * feedback form is: {@code serambi.events.feedback-after} (2 hours)
 * after the event ended, and only for events that ended less than {@code serambi.events.feedback-within} (7 days)
 * ago, so that a first start never mails about old events. Not to cancelled or waitlisted registrations, erased
 * guests, nor those who already gave feedback. Safe with any number of instances: each registration is claimed by an
 * UPDATE (feedback_requested_at) before it is sent, so it is asked at most once.
 */
@ApplicationScoped
public class FeedbackRequestJob {

    private static final Logger LOG = Logger.getLogger(FeedbackRequestJob.class);

    record Due(Event event, Registration registration, String token) {
    }

    private final EventMessageRepository messages;
    private final RegistrationRepository registrations;
    private final EventRepository events;
    private final EventMessageMails mails;
    private final Duration after;
    private final Duration within;

    public FeedbackRequestJob(EventMessageRepository messages, RegistrationRepository registrations,
            EventRepository events, EventMessageMails mails,
            @ConfigProperty(name = "serambi.events.feedback-after", defaultValue = "PT2H") Duration after,
            @ConfigProperty(name = "serambi.events.feedback-within", defaultValue = "P7D") Duration within) {
        this.messages = messages;
        this.registrations = registrations;
        this.events = events;
        this.mails = mails;
        this.after = after;
        this.within = within;
    }

    @Scheduled(identity = "event-feedback-requests", every = "${serambi.events.reminder-every:5m}",
            delayed = "${serambi.events.reminder-delay:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return sendDueRequests().onFailure().recoverWithItem(e -> {
            LOG.error("Feedback requests failed", e);
            return 0;
        }).replaceWithVoid();
    }

    /** Sends the requests that are due and returns how many this instance sent. */
    public Uni<Integer> sendDueRequests() {
        return claim().call(due -> due.isEmpty() ? Uni.createFrom().voidItem()
                : Uni.join().all(due.stream().map(d -> mails.feedbackRequest(d.event(), d.registration().name,
                        d.registration().email, d.token())).toList())
                        .usingConcurrencyOf(8).andCollectFailures().replaceWithVoid())
                .map(due -> {
                    if (!due.isEmpty()) {
                        LOG.infof("Sent %d feedback requests", due.size());
                    }
                    return due.size();
                });
    }

    @WithTransaction
    Uni<List<Due>> claim() {
        return messages.claimDueFeedbackRequests(after, within)
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<Due>of())
                        : registrations.byIds(ids).chain(claimed -> events
                                .byIds(claimed.stream().map(r -> r.eventId).distinct().toList())
                                .map(found -> found.stream().collect(Collectors.toMap(e -> e.id, Function.identity())))
                                .chain(byId -> tokens(claimed, byId))));
    }

    private Uni<List<Due>> tokens(List<Registration> claimed, Map<Long, Event> byId) {
        return Multi.createFrom().iterable(claimed).onItem().transformToUniAndConcatenate(r -> registrations
                .issueToken(r.id).map(token -> new Due(byId.get(r.eventId), r, token))).collect().asList();
    }
}
