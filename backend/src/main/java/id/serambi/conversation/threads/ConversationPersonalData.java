package id.serambi.conversation.threads;

import id.serambi.common.PersonalDataPart;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A person's part of the inbox (UU PDP): the conversations they had with the library as a contact known by their
 * e-mail address (minors' messages included, like any minor's data), and what they wrote as staff. Exported, and
 * erased with them; the conversations only once the account has verified the address. (Contacts known only by a platform's scoped id or a phone number cannot be tied to an account.)
 */
@ApplicationScoped
public class ConversationPersonalData implements PersonalDataPart {

    private final ThreadRepository threads;

    public ConversationPersonalData(ThreadRepository threads) {
        this.threads = threads;
    }

    @Override
    public String key() {
        return "conversations";
    }

    @Override
    public Uni<String> export(Member member) {
        return threads.exportJson(member.userId(), contact(member));
    }

    @Override
    public Uni<Void> erase(Member member) {
        return threads.erase(member.userId(), contact(member));
    }

    /**
     * The address the member is known by as a contact: only once verified (until then the conversations under it may
     * be someone else's); otherwise an empty string, which no contact has.
     */
    private static String contact(Member member) {
        return member.emailVerified() ? member.email() : "";
    }
}
