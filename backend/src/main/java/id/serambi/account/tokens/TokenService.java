package id.serambi.account.tokens;

import id.serambi.account.members.AuthRequests;
import id.serambi.account.members.AccountService;

import id.serambi.common.SerambiConfig;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Set;

/** Issues the RS256 bearer tokens that {@link TokenVerification} checks. */
@ApplicationScoped
public class TokenService {

    /** The claim holding the account's token version when the token was issued ({@link CurrentAccountCheck}). */
    public static final String TOKEN_VERSION = "tv";

    private final SigningKeys keys;
    private final SerambiConfig config;

    public TokenService(SigningKeys keys, SerambiConfig config) {
        this.keys = keys;
        this.config = config;
    }

    public AuthRequests.Token issue(AccountService.Login user) {
        Instant expiresAt = Instant.now().plus(config.jwt().lifetime());
        String token = Jwt.issuer(config.jwt().issuer())
                .subject(String.valueOf(user.id()))
                .upn(user.email())
                .groups(Set.of(user.role().name()))
                .claim("name", user.displayName())
                .claim(TOKEN_VERSION, user.tokenVersion())
                .expiresAt(expiresAt)
                .jws().keyId(keys.keyId())
                .sign(keys.privateKey());
        return new AuthRequests.Token(token, expiresAt);
    }
}
