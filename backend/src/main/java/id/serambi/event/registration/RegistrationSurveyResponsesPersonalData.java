package id.serambi.event.registration;

import id.serambi.common.PersonalDataPart;
import id.serambi.survey.SurveyResponses;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The survey responses a member gave through the manage links of their registrations (issue 20): a registration has
 * no account, so they are found through the registrations under the member's verified e-mail, as the registrations
 * themselves are. Only exported here: {@link RegistrationPersonalData} erases them, before it anonymises the
 * registrations' e-mail they are found by.
 */
@ApplicationScoped
public class RegistrationSurveyResponsesPersonalData implements PersonalDataPart {

    private final RegistrationRepository registrations;
    private final SurveyResponses surveyResponses;

    public RegistrationSurveyResponsesPersonalData(RegistrationRepository registrations,
            SurveyResponses surveyResponses) {
        this.registrations = registrations;
        this.surveyResponses = surveyResponses;
    }

    @Override
    public String key() {
        return "eventSurveyResponses";
    }

    /** The responses linked to the registrations under the member's verified e-mail; {@code []} while unverified. */
    @Override
    public Uni<String> export(Member member) {
        return member.emailVerified()
                ? registrations.idsByEmail(member.email()).chain(surveyResponses::exportOfRegistrations)
                : Uni.createFrom().item("[]");
    }

    /** Nothing here: {@link RegistrationPersonalData#erase} deletes them with the registrations' anonymisation. */
    @Override
    public Uni<Void> erase(Member member) {
        return Uni.createFrom().voidItem();
    }
}
