package id.serambi.account.signin;

import id.serambi.common.PersonalDataPart;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Failed logins under the member's e-mail: not part of the export (they hold no more than the address), erased. */
@ApplicationScoped
public class LoginFailurePersonalData implements PersonalDataPart {

    private final LoginFailureRepository failures;

    public LoginFailurePersonalData(LoginFailureRepository failures) {
        this.failures = failures;
    }

    @Override
    public String key() {
        return "loginFailures";
    }

    @Override
    public Uni<String> export(Member member) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Uni<Void> erase(Member member) {
        return failures.forgetAccount(member.email());
    }
}
