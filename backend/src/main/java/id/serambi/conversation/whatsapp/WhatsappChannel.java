package id.serambi.conversation.whatsapp;

import id.serambi.event.RegistrantWhatsapp;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * WhatsApp for registrants' messages: the opt-ins, and the queue {@link WhatsappSender} sends from. A message is
 * queued only for a registration that opted in, whose number never said BERHENTI, while WhatsApp is configured.
 */
@ApplicationScoped
public class WhatsappChannel implements RegistrantWhatsapp {

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

    /** The approved template of a notice: serambi_confirmed, serambi_waitlisted, serambi_promoted, ... */
    String template(Notice notice) {
        return settings.templatePrefix() + notice.name().toLowerCase(Locale.ROOT);
    }
}
