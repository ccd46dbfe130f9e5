package id.serambi.common;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, for endpoints that are public but answer more to a logged-in caller (my rank, drafts for staff).
 * Resolved without blocking; anonymous when no token was sent.
 */
public record Caller(Long userId, Set<String> roles) {

    public static final Caller ANONYMOUS = new Caller(null, Set.of());

    public boolean anonymous() {
        return userId == null;
    }

    public boolean isStaff() {
        return roles.contains("STAFF") || roles.contains("ADMIN");
    }

    @ApplicationScoped
    public static class Resolver {

        private final CurrentIdentityAssociation identities;
        private final JsonWebToken jwt;

        public Resolver(CurrentIdentityAssociation identities, JsonWebToken jwt) {
            this.identities = identities;
            this.jwt = jwt;
        }

        /** The account id of a caller who must be logged in (an {@code @Authenticated} or role-guarded endpoint). */
        public long userId() {
            return Long.parseLong(jwt.getSubject());
        }

        public Uni<Caller> current() {
            return identities.getDeferredIdentity().map(Resolver::of);
        }

        private static Caller of(SecurityIdentity identity) {
            if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
                return ANONYMOUS;
            }
            return new Caller(Long.parseLong(jwt.getSubject()), identity.getRoles());
        }
    }
}
