package id.serambi.account.tokens;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.DefaultJWTTokenParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import org.jose4j.jwt.consumer.JwtContext;

/** Verifies bearer tokens with the key {@link SigningKeys} holds, whether configured or kept in the database. */
@ApplicationScoped
@Alternative
@Priority(1)
public class TokenVerification extends JWTCallerPrincipalFactory {

    private final SigningKeys keys;
    private final DefaultJWTTokenParser parser = new DefaultJWTTokenParser();

    public TokenVerification(SigningKeys keys) {
        this.keys = keys;
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo configured) throws ParseException {
        if (keys.publicKey() == null) {
            throw new ParseException("The signing keys are not loaded yet");
        }
        JWTAuthContextInfo info = new JWTAuthContextInfo(configured);
        info.setPublicVerificationKey(keys.publicKey());
        info.setPublicKeyLocation(null);
        info.setPublicKeyContent(null);
        JwtContext context = parser.parse(token, info);
        String type = context.getJoseObjects().get(0).getHeader("typ");
        return new DefaultJWTCallerPrincipal(token, type, context.getJwtClaims());
    }
}
