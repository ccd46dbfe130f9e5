package id.serambi.event.registration;

import id.serambi.common.PersonalDataPart;
import id.serambi.event.RegistrantWhatsapp;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The WhatsApp side of a member's event registrations (UU PDP): each opt-in with its language and times, and the
 * status of every message sent. Like the registrations themselves, only under the member's verified e-mail. Erased
 * before the registrations are anonymised (which changes the e-mail they are found by): the opt-ins are withdrawn and
 * the messages deleted; the numbers that replied BERHENTI stay on the opt-out list, a suppression list.
 */
@ApplicationScoped
public class RegistrationWhatsappPersonalData implements PersonalDataPart {

    private final RegistrationRepository registrations;
    private final RegistrantWhatsapp whatsapp;

    public RegistrationWhatsappPersonalData(RegistrationRepository registrations, RegistrantWhatsapp whatsapp) {
        this.registrations = registrations;
        this.whatsapp = whatsapp;
    }

    @Override
    public String key() {
        return "eventRegistrationsWhatsapp";
    }

    @Override
    public Uni<String> export(Member member) {
        return member.emailVerified() ? registrations.idsByEmail(member.email()).chain(whatsapp::export)
                : Uni.createFrom().item("[]");
    }

    @Override
    public Uni<Void> erase(Member member) {
        return member.emailVerified() ? registrations.idsByEmail(member.email()).chain(whatsapp::erase)
                : Uni.createFrom().voidItem();
    }

    @Override
    public int erasureOrder() {
        return -1;
    }
}
