package id.serambi.conversation.whatsapp;

import id.serambi.event.RegistrantWhatsapp;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * WhatsApp for registrants' messages: the opt-ins, and the queue {@link WhatsappSender} sends from. A message is
 * queued only for a registration that opted in, whose number never said BERHENTI, while WhatsApp is configured.
 * Staff's own message goes as free text while the number's 24-hour customer-service window is open (it wrote to the
 * library in the last {@link #WINDOW}: a margin of 15 minutes for the queue), else as a template.
 */
@ApplicationScoped
public class WhatsappChannel implements RegistrantWhatsapp {

    /** How recent the number's last message must be for free text: WhatsApp's 24 hours, less a margin for the queue. */
    static final Duration WINDOW = Duration.ofHours(24).minusMinutes(15);

    private final WhatsappRepository repository;
    private final WhatsappSettings settings;
    private final WhatsappSender sender;

    public WhatsappChannel(WhatsappRepository repository, WhatsappSettings settings, WhatsappSender sender) {
        this.repository = repository;
        this.settings = settings;
        this.sender = sender;
    }

    @Override
    @WithTransaction
    public Uni<Void> optIn(long registrationId, String language) {
        return repository.optIn(registrationId, "en".equals(language) ? "en" : "id");
    }

    @Override
    @WithTransaction
    public Uni<Void> carryOver(long fromRegistrationId, long toRegistrationId) {
        return repository.carryOver(fromRegistrationId, toRegistrationId);
    }

    @Override
    @WithTransaction
    public Uni<Void> optOut(long registrationId) {
        return repository.withdraw(registrationId);
    }

    @Override
    @WithSession
    public Uni<Boolean> optedIn(long registrationId) {
        return repository.optedIn(registrationId);
    }

    @Override
    public Uni<Set<Long>> queue(List<Message> messages) {
        if (messages.isEmpty() || !settings.sending()) {
            return Uni.createFrom().item(Set.of());
        }
        return queueInTransaction(messages).invoke(queued -> {
            if (!queued.isEmpty() && settings.sendAtOnce()) {
                sender.wake();
            }
        });
    }

    @WithTransaction
    Uni<Set<Long>> queueInTransaction(List<Message> messages) {
        return repository.consents(messages.stream().map(Message::registrationId).distinct().toList())
                .chain(consents -> repository.stopped(messages.stream().map(Message::number).distinct().toList())
                        .chain(stopped -> {
                            Map<Long, String> language = new HashMap<>();
                            consents.forEach(c -> language.put(((Number) c[0]).longValue(), (String) c[1]));
                            List<Message> going = messages.stream()
                                    .filter(m -> language.containsKey(m.registrationId()) && !stopped.contains(m.number()))
                                    .toList();
                            return Multi.createFrom().iterable(going)
                                    .onItem().transformToUniAndConcatenate(m -> repository.enqueue(m.registrationId(),
                                            m.notice().name(), m.number(), template(m.notice()),
                                            language.get(m.registrationId()), m.parameters()))
                                    .collect().asList()
                                    .map(done -> going.stream().map(Message::registrationId).collect(Collectors.toSet()));
                        }));
    }

    @Override
    public Uni<Set<Long>> queueStaffMessages(List<StaffMessage> messages) {
        if (messages.isEmpty() || !settings.sending()) {
            return Uni.createFrom().item(Set.of());
        }
        return staffInTransaction(messages);
    }

    @WithTransaction
    Uni<Set<Long>> staffInTransaction(List<StaffMessage> messages) {
        List<String> numbers = messages.stream().map(StaffMessage::number).distinct().toList();
        return repository.consents(messages.stream().map(StaffMessage::registrationId).distinct().toList())
                .chain(consents -> repository.stopped(numbers).chain(stopped -> repository
                        .windowOpen(numbers, Instant.now().minus(WINDOW)).chain(open -> {
                            Map<Long, String> language = new HashMap<>();
                            consents.forEach(c -> language.put(((Number) c[0]).longValue(), (String) c[1]));
                            List<StaffMessage> going = messages.stream().filter(
                                    m -> language.containsKey(m.registrationId()) && !stopped.contains(m.number()))
                                    .toList();
                            return Multi.createFrom().iterable(going)
                                    .onItem().transformToUniAndConcatenate(m -> repository.enqueue(m.registrationId(),
                                            Notice.STAFF_MESSAGE.name(), m.number(), template(Notice.STAFF_MESSAGE),
                                            language.get(m.registrationId()),
                                            StaffMessageText.parameters(m.eventTitle(), m.body()), m.messageId(),
                                            open.contains(m.number()) ? StaffMessageText.text(m.eventTitle(), m.body())
                                                    : null))
                                    .collect().asList()
                                    .map(done -> going.stream().map(StaffMessage::registrationId)
                                            .collect(Collectors.toSet()));
                        })));
    }

    @Override
    public void sendSoon() {
        if (settings.sending() && settings.sendAtOnce()) {
            sender.wake();
        }
    }

    @Override
    @WithSession
    public Uni<Map<Long, State>> states(Map<Long, String> numbers) {
        if (numbers.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<String> known = numbers.values().stream().filter(Objects::nonNull).distinct().toList();
        return repository.states(numbers.keySet()).chain(rows -> repository.stopped(known).map(stopped -> {
            Map<Long, State> states = new HashMap<>();
            for (WhatsappRepository.StateRow r : rows) {
                Consent consent = r.withdrawn() ? Consent.WITHDRAWN
                        : stopped.contains(numbers.get(r.registrationId())) ? Consent.NUMBER_STOPPED : Consent.OPTED_IN;
                states.put(r.registrationId(), new State(consent, r.notice() == null ? null : Notice.valueOf(r.notice()),
                        delivery(r.state(), r.delivery()), r.fellBack(), r.at()));
            }
            return states;
        }));
    }

    /** The delivery staff see: the webhook's latest status, else where the outbox is. */
    static Delivery delivery(String state, String delivery) {
        if (state == null) {
            return null;
        }
        if ("FAILED".equals(state) || "failed".equals(delivery)) {
            return Delivery.FAILED;
        }
        if (delivery != null) {
            return Delivery.valueOf(delivery.toUpperCase(Locale.ROOT));
        }
        return "SENT".equals(state) ? Delivery.SENT : Delivery.QUEUED;
    }

    @Override
    @WithSession
    public Uni<String> export(Collection<Long> registrationIds) {
        return registrationIds.isEmpty() ? Uni.createFrom().item("[]") : repository.export(registrationIds);
    }

    @Override
    @WithTransaction
    public Uni<Void> erase(Collection<Long> registrationIds) {
        return registrationIds.isEmpty() ? Uni.createFrom().voidItem() : repository.erase(registrationIds);
    }

    /** The approved template of a notice: serambi_confirmed, serambi_waitlisted, serambi_promoted, ... */
    String template(Notice notice) {
        return settings.templatePrefix() + notice.name().toLowerCase(Locale.ROOT);
    }
}
