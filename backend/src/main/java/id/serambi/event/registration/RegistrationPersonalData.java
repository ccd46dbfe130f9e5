package id.serambi.event.registration;

import id.serambi.common.PersonalDataPart;
import io.smallrye.mutiny.Uni;
import id.serambi.survey.SurveyResponses;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A member's event registrations as part of their personal data (UU PDP). Registrations are linked to the account by
 * e-mail only, so they count as the member's once the account has verified that it owns the address; until then they
 * may be a guest's, and are neither exported nor erased.
 */
@ApplicationScoped
public class RegistrationPersonalData implements PersonalDataPart {

    private final RegistrationRepository registrations;
    private final SurveyResponses surveyResponses;

    public RegistrationPersonalData(RegistrationRepository registrations, SurveyResponses surveyResponses) {
        this.registrations = registrations;
        this.surveyResponses = surveyResponses;
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

    /**
     * Deletes the survey responses given through the manage links of the registrations under the member's verified
     * e-mail, then anonymises those registrations; nothing while it is unverified.
     */
    @Override
    public Uni<Void> erase(Member member) {
        return member.emailVerified() ? registrations.idsByEmail(member.email())
                .call(surveyResponses::eraseOfRegistrations)
                .chain(() -> registrations.anonymiseByEmail(member.email())).replaceWithVoid()
                : Uni.createFrom().voidItem();
    }
}
