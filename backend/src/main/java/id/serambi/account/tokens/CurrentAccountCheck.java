package id.serambi.account.tokens;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonNumber;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Every request with a bearer token is checked against the account as it is now, not as it was when the token was
 * issued: the account must still exist, and the token's version ({@link TokenService#TOKEN_VERSION}) must be the
 * account's current one. A role change, a password change and "log out everywhere" bump that version, so every older
 * token stops working; the roles the request acts with are the account's current role.
 */
@ApplicationScoped
public class CurrentAccountCheck implements SecurityIdentityAugmentor {

    private final AccountStates states;

    public CurrentAccountCheck(AccountStates states) {
        this.states = states;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Uni.createFrom().item(identity);
        }
        long accountId;
        Integer tokenVersion = versionOf(jwt.getClaim(TokenService.TOKEN_VERSION));
        try {
            accountId = Long.parseLong(jwt.getSubject());
        } catch (NumberFormatException | NullPointerException e) {
            return Uni.createFrom().failure(new AuthenticationFailedException("The token names no account"));
        }
        if (tokenVersion == null) {
            return Uni.createFrom().failure(new AuthenticationFailedException("The token has no version"));
        }
        return states.current(accountId).map(state -> {
            if (state.isEmpty()) {
                throw new AuthenticationFailedException("The account no longer exists");
            }
            if (state.get().tokenVersion() != tokenVersion) {
                throw new AuthenticationFailedException("The token was revoked");
            }
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(identity.getPrincipal())
                    .addCredentials(identity.getCredentials())
                    .addAttributes(identity.getAttributes())
                    .addRole(state.get().role().name())
                    .setAnonymous(false)
                    .build();
        });
    }

    private static Integer versionOf(Object claim) {
        if (claim instanceof JsonNumber number) {
            return number.intValue();
        }
        if (claim instanceof Number number) {
            return number.intValue();
        }
        return null;
    }
}
