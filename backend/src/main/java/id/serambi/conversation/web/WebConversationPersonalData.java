package id.serambi.conversation.web;

import id.serambi.common.PersonalDataPart;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A member's conversations with a librarian through Tanya Perpustakaan, started or continued while signed in
 * ({@code webConversations}: each thread's messages, never staff's notes), exported, and deleted with the account.
 */
@ApplicationScoped
public class WebConversationPersonalData implements PersonalDataPart {

    private final WebConversationRepository web;

    public WebConversationPersonalData(WebConversationRepository web) {
        this.web = web;
    }

    @Override
    public String key() {
        return "webConversations";
    }

    @Override
    public Uni<String> export(Member member) {
        return web.exportJson(member.userId());
    }

    @Override
    public Uni<Void> erase(Member member) {
        return web.erase(member.userId()).replaceWithVoid();
    }
}
