package id.serambi.account.members;

import id.serambi.common.PersonalDataPart;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The account's own part of a member's personal data: exported as "account", deleted after every other part. */
@ApplicationScoped
public class AccountPersonalData implements PersonalDataPart {

    private final UserRepository users;

    public AccountPersonalData(UserRepository users) {
        this.users = users;
    }

    @Override
    public String key() {
        return "account";
    }

    @Override
    public Uni<String> export(Member member) {
        return users.exportJson(member.userId());
    }

    @Override
    public Uni<Void> erase(Member member) {
        return users.deleteAccount(member.userId());
    }

    @Override
    public int erasureOrder() {
        return Integer.MAX_VALUE;
    }
}
