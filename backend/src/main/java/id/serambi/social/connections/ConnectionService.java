package id.serambi.social.connections;

import id.serambi.common.ProblemException;
import id.serambi.common.SerambiConfig;
import id.serambi.social.GrantedAccount;
import id.serambi.social.PublishFailure;
import id.serambi.social.SocialPlatform;
import id.serambi.social.SocialProvider;
import id.serambi.social.connections.ConnectionDtos.AuthorizationStart;
import id.serambi.social.connections.ConnectionDtos.ConnectResult;
import id.serambi.social.connections.ConnectionDtos.ConnectionList;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Connecting and disconnecting the library's accounts. The platform is called outside any transaction: the state is
 * spent in one short transaction, the code exchanged, then the accounts saved in another.
 */
@ApplicationScoped
public class ConnectionService {

    /** The SPA page the platforms send staff back to (register it with Meta and X as the OAuth redirect URI). */
    public static final String CALLBACK_PATH = "/staf/akun-sosial/sambung";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ConnectionStore store;
    private final SocialProviders providers;
    private final SocialSettings settings;
    private final TokenCipher cipher;
    private final String redirectUri;
    private final Duration timeout;

    public ConnectionService(ConnectionStore store, SocialProviders providers, SocialSettings settings,
            TokenCipher cipher, SerambiConfig config) {
        this.store = store;
        this.providers = providers;
        this.settings = settings;
        this.cipher = cipher;
        String url = config.publicUrl();
        this.redirectUri = (url.endsWith("/") ? url.substring(0, url.length() - 1) : url) + CALLBACK_PATH;
        this.timeout = settings.timeout();
    }

    public Uni<ConnectionList> list() {
        return store.list(this::appConfigured).map(views -> new ConnectionList(views, cipher.available()));
    }

    /** Whether Serambi can send staff to the platform's own sign-in: its provider exists and its app is configured. */
    boolean appConfigured(SocialPlatform platform) {
        if (providers.of(platform).isEmpty()) {
            return false;
        }
        return switch (platform) {
            case FACEBOOK, INSTAGRAM -> settings.metaAppId().isPresent() && settings.metaAppSecret().isPresent();
            case X -> settings.xClientId().isPresent();
        };
    }

    /** Starts an authorization: a single-use state bound to the account, and a PKCE verifier kept encrypted. */
    public Uni<AuthorizationStart> authorize(SocialPlatform platform, long accountId) {
        cipher.requireKey();
        SocialProvider provider = configuredProvider(platform);
        String state = random();
        String verifier = random();
        String url = provider.authorizationUrl(state, challenge(verifier), redirectUri);
        return store.begin(platform, accountId, hash(state), verifier, redirectUri)
                .map(v -> new AuthorizationStart(url));
    }

    /**
     * Finishes an authorization with the code the platform sent back: the state is spent (once, by the account that
     * started it), the code exchanged, and the granted accounts saved, or, when Facebook Login granted several Pages,
     * kept for staff to choose.
     */
    public Uni<ConnectResult> callback(String code, String state, long accountId) {
        cipher.requireKey();
        String stateHash = hash(state);
        return store.spend(stateHash, accountId).chain(spent -> {
            SocialProvider provider = configuredProvider(spent.platform());
            return platformCall(provider.exchange(code, spent.codeVerifier(), spent.redirectUri()), spent.platform());
        }).chain(granted -> {
            if (Grants.needsChoice(granted)) {
                return store.keepGranted(stateHash, granted)
                        .map(v -> new ConnectResult(List.of(), Grants.choices(granted), state));
            }
            return store.save(granted, ConnectionMethod.OAUTH, accountId, this::appConfigured)
                    .map(saved -> new ConnectResult(saved, List.of(), null));
        });
    }

    /** Connects the Page staff chose after a login that granted several. */
    public Uni<ConnectResult> choose(String state, String pageId, long accountId) {
        cipher.requireKey();
        return store.choose(hash(state), accountId, pageId, this::appConfigured)
                .map(saved -> new ConnectResult(saved, List.of(), null));
    }

    /**
     * Connects a Meta Business Suite system-user token after Meta confirmed it: its Page (the one named, or the only
     * one it reaches) and the Instagram account linked to it.
     */
    public Uni<ConnectResult> systemUser(String token, String pageId, long accountId) {
        cipher.requireKey();
        SocialProvider provider = providers.of(SocialPlatform.FACEBOOK).orElseThrow(() -> unavailable(SocialPlatform.FACEBOOK));
        return platformCall(provider.verify(token.strip()), SocialPlatform.FACEBOOK).chain(granted -> {
            List<GrantedAccount> chosen = granted;
            if (pageId != null && !pageId.isBlank()) {
                chosen = Grants.page(granted, pageId.strip());
                if (chosen.isEmpty()) {
                    return Uni.createFrom().failure(ProblemException.invalidField("pageId",
                            "the token does not reach this Page"));
                }
            } else if (Grants.needsChoice(granted)) {
                return Uni.createFrom().item(new ConnectResult(List.of(), Grants.choices(granted), null));
            }
            return store.save(chosen, ConnectionMethod.SYSTEM_USER, accountId, this::appConfigured)
                    .map(saved -> new ConnectResult(saved, List.of(), null));
        });
    }

    /** Forgets the platform's connection (its tokens with it); 404 when there is none. */
    public Uni<Void> disconnect(SocialPlatform platform) {
        return store.disconnect(platform).map(found -> {
            if (!found) {
                throw new ProblemException(404, "not-connected", "Not connected", platform.label() + " is not connected");
            }
            return null;
        });
    }

    private SocialProvider configuredProvider(SocialPlatform platform) {
        SocialProvider provider = providers.of(platform).orElseThrow(() -> unavailable(platform));
        if (!appConfigured(platform)) {
            throw unavailable(platform);
        }
        return provider;
    }

    private static ProblemException unavailable(SocialPlatform platform) {
        String settingNames = switch (platform) {
            case FACEBOOK, INSTAGRAM -> "SERAMBI_SOCIAL_META_APP_ID and SERAMBI_SOCIAL_META_APP_SECRET";
            case X -> "SERAMBI_SOCIAL_X_CLIENT_ID and SERAMBI_SOCIAL_X_CLIENT_SECRET";
        };
        return ProblemException.conflict("app-not-configured", "Platform app not configured",
                "Serambi cannot sign in with " + platform.label() + " until its app is configured (" + settingNames + ")");
    }

    /** A platform call during connecting, bounded, its refusal a 422 and its unavailability a 502, both with its message. */
    private <T> Uni<T> platformCall(Uni<T> call, SocialPlatform platform) {
        return call.ifNoItem().after(timeout.multipliedBy(4))
                .failWith(() -> new PublishFailure(PublishFailure.Kind.TEMPORARY, "No answer in time", null, null))
                .onFailure(PublishFailure.class).transform(f -> {
                    PublishFailure p = (PublishFailure) f;
                    if (p.kind() == PublishFailure.Kind.TEMPORARY) {
                        return new ProblemException(502, "platform-unavailable", platform.label() + " unavailable",
                                platform.label() + " could not answer now; try again in a few minutes ("
                                        + p.getMessage() + ")");
                    }
                    return new ProblemException(422, "platform-refused", platform.label() + " refused",
                            platform.label() + " said: " + p.getMessage());
                });
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** PKCE S256: base64url(SHA-256(verifier)). */
    static String challenge(String verifier) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(verifier));
    }

    static String hash(String state) {
        return HexFormat.of().formatHex(sha256(state));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
