package id.serambi.assistant.knowledge;

import id.serambi.common.PersonalDataPart;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A member's questions to Tanya Perpustakaan (UU PDP): those asked while signed in are linked to the account, exported
 * ({@code assistantQuestions}: question, language, handedOver, askedAt) and deleted with it. Anonymous questions have
 * no link to anyone (no address is stored) and are no one's part.
 */
@ApplicationScoped
public class AskedQuestionsPersonalData implements PersonalDataPart {

    private final FaqRepository faq;

    public AskedQuestionsPersonalData(FaqRepository faq) {
        this.faq = faq;
    }

    @Override
    public String key() {
        return "assistantQuestions";
    }

    @Override
    public Uni<String> export(Member member) {
        return faq.questionsJson(member.userId());
    }

    @Override
    public Uni<Void> erase(Member member) {
        return faq.deleteQuestions(member.userId()).replaceWithVoid();
    }
}
