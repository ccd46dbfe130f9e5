package id.serambi.event.registration;

import id.serambi.common.PersonalDataPart;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A member's event registrations as part of their personal data (UU PDP). Registrations are linked to the account by
 * e-mail only, so they count as the member's once the account has verified that it owns the address; until then they
 * may be a guest's, and are neither exported nor erased.
 */
@ApplicationScoped
public class RegistrationPersonalData implements PersonalDataPart {

    private final RegistrationRepository registrations;

    public RegistrationPersonalData(RegistrationRepository registrations) {
        this.registrations = registrations;
    }

    @Override
    public String key() {
        return "eventRegistrations";
    }

    /** The registrations under the member's verified e-mail, in arrival order; {@code []} while it is unverified. */
    @Override
    public Uni<String> export(Member member) {
        return member.emailVerified() ? registrations.exportByEmail(member.email()) : Uni.createFrom().item("[]");
    }

    /** Anonymises the registrations under the member's verified e-mail; nothing while it is unverified. */
    @Override
    public Uni<Void> erase(Member member) {
        return member.emailVerified() ? registrations.anonymiseByEmail(member.email()).replaceWithVoid()
                : Uni.createFrom().voidItem();
    }
}
