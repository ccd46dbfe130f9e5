package id.serambi.survey.answer;

import id.serambi.common.PersonalDataPart;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The surveys' part of a member's personal data: the responses linked to their account (a survey answered by account,
 * or by the manage link of a registration that has the account). Erasure deletes them. A response linked to a
 * registration only goes with the registration (ON DELETE CASCADE); an anonymous one is linked to nobody.
 */
@ApplicationScoped
public class SurveyResponsePersonalData implements PersonalDataPart {

    private final AnswerRepository responses;

    public SurveyResponsePersonalData(AnswerRepository responses) {
        this.responses = responses;
    }

    @Override
    public String key() {
        return "surveys";
    }

    @Override
    public Uni<String> export(Member member) {
        return responses.export(member.userId());
    }

    @Override
    public Uni<Void> erase(Member member) {
        return responses.deleteOfAccount(member.userId()).replaceWithVoid();
    }
}
