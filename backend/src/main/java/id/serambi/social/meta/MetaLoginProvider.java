package id.serambi.social.meta;

import id.serambi.social.GrantedAccount;
import id.serambi.social.PublishFailure;
import id.serambi.social.SocialProvider;
import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * What Facebook and Instagram share: one Facebook Login (it grants the Page and the Instagram professional account
 * linked to it), system-user tokens checked against the Graph API, and Page tokens that are never refreshed (they last
 * as long as the user or system-user token they came from).
 */
abstract class MetaLoginProvider implements SocialProvider {

    protected final MetaLogin login;

    /** For CDI's client proxy of the subclasses (application-scoped beans), which never calls the methods itself. */
    protected MetaLoginProvider() {
        this.login = null;
    }

    protected MetaLoginProvider(MetaLogin login) {
        this.login = login;
    }

    /** Facebook Login does not use PKCE here: the app secret stays on the server. */
    @Override
    public String authorizationUrl(String state, String codeChallenge, String redirectUri) {
        return login.authorizationUrl(state, redirectUri);
    }

    @Override
    public Uni<List<GrantedAccount>> exchange(String code, String codeVerifier, String redirectUri) {
        return login.exchange(code, redirectUri);
    }

    @Override
    public Uni<List<GrantedAccount>> verify(String token) {
        return login.verify(token);
    }

    @Override
    public Uni<GrantedAccount> refresh(GrantedAccount current) {
        return Uni.createFrom().failure(new PublishFailure(PublishFailure.Kind.TOKEN_INVALID, "The Page token "
                + platform().label() + " uses cannot be refreshed; connect Facebook and Instagram again", null, null));
    }
}
