package id.serambi.social.connections;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.serambi.account.Accounts;
import id.serambi.account.Role;
import id.serambi.common.ProblemException;
import id.serambi.notification.Notice;
import id.serambi.notification.NotificationKind;
import id.serambi.notification.Notifications;
import id.serambi.social.GrantedAccount;
import id.serambi.social.PublishFailure;
import id.serambi.social.SocialPlatform;
import id.serambi.social.connections.ConnectionDtos.ConnectionView;
import id.serambi.social.connections.ConnectionDtos.Connector;
import id.serambi.social.connections.ConnectionDtos.ConnectionState;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The connections and authorizations as stored: every read and write of them, each in its own short session or
 * transaction, tokens encrypted on the way in and decrypted on the way out. Never calls a platform except to refresh a
 * token while its row is locked.
 */
@ApplicationScoped
public class ConnectionStore {

    static final String RECONNECT_LINK = "/staf/akun-sosial";
    private static final Duration STATE_LIFE = Duration.ofMinutes(10);
    private static final TypeReference<List<GrantedAccount>> GRANTED = new TypeReference<>() {
    };

    /** An authorization found and spent: what the exchange needs. */
    public record Spent(SocialPlatform platform, String codeVerifier, String redirectUri) {
    }

    private final SocialConnectionRepository connections;
    private final SocialAuthorizationRepository authorizations;
    private final TokenCipher cipher;
    private final Notifications notifications;
    private final Accounts accounts;
    private final ObjectMapper json;

    public ConnectionStore(SocialConnectionRepository connections, SocialAuthorizationRepository authorizations,
            TokenCipher cipher, Notifications notifications, Accounts accounts, ObjectMapper json) {
        this.connections = connections;
        this.authorizations = authorizations;
        this.cipher = cipher;
        this.notifications = notifications;
        this.accounts = accounts;
        this.json = json;
    }

    /** Every platform, connected or not, in the platforms' order. */
    @WithSession
    public Uni<List<ConnectionView>> list(Function<SocialPlatform, Boolean> appConfigured) {
        return connections.all().chain(stored -> {
            Uni<List<ConnectionView>> views = Uni.createFrom().item(new ArrayList<>());
            for (SocialPlatform p : SocialPlatform.values()) {
                SocialConnection c = stored.stream().filter(s -> s.platform == p).findFirst().orElse(null);
                views = views.chain(list -> view(p, c, appConfigured.apply(p)).map(v -> {
                    list.add(v);
                    return list;
                }));
            }
            return views;
        });
    }

    private Uni<ConnectionView> view(SocialPlatform platform, SocialConnection c, boolean appConfigured) {
        boolean systemUser = platform != SocialPlatform.X;
        if (c == null) {
            return Uni.createFrom().item(new ConnectionView(platform, ConnectionState.NOT_CONNECTED, null, null, null, null, null,
                    null, null, appConfigured, systemUser));
        }
        Uni<Connector> by = c.connectedBy == null ? Uni.createFrom().nullItem()
                : accounts.find(c.connectedBy, Year.now(ZoneOffset.UTC).getValue())
                        .map(m -> m == null ? null : new Connector(m.id(), m.displayName()));
        return by.map(connector -> new ConnectionView(platform,
                c.status == SocialConnection.Status.CONNECTED ? ConnectionState.CONNECTED : ConnectionState.NEEDS_RECONNECT, c.name,
                c.externalId, c.method, c.refreshToken == null ? c.expiresAt : null, c.connectedAt, connector,
                c.statusReason, appConfigured, systemUser));
    }

    /** Whether the platform has a connection that can publish now. Chains on the caller's session. */
    @WithSession
    public Uni<Boolean> isConnected(SocialPlatform platform) {
        return connections.ofPlatform(platform)
                .map(c -> c != null && c.status == SocialConnection.Status.CONNECTED);
    }

    /** The platform id of the platform's connection when it can be used now, else null. Chains on the caller's session. */
    @WithSession
    public Uni<String> connectedAccount(SocialPlatform platform) {
        return connections.ofPlatform(platform)
                .map(c -> c != null && c.status == SocialConnection.Status.CONNECTED ? c.externalId : null);
    }

    /** Records an authorization under way; the state is kept as its SHA-256, the verifier encrypted. */
    @WithTransaction
    public Uni<Void> begin(SocialPlatform platform, long accountId, String stateHash, String codeVerifier,
            String redirectUri) {
        cipher.requireKey();
        SocialAuthorization a = new SocialAuthorization();
        a.stateHash = stateHash;
        a.platform = platform;
        a.accountId = accountId;
        a.codeVerifier = cipher.encrypt(codeVerifier, SocialAuthorization.binding(stateHash, "verifier"));
        a.redirectUri = redirectUri;
        a.createdAt = Instant.now();
        a.expiresAt = a.createdAt.plus(STATE_LIFE);
        return authorizations.persist(a).replaceWithVoid();
    }

    /**
     * Spends the state: once, by the account that started it, within its life. Fails with a 400 (unknown or expired),
     * 403 (started by someone else) or 409 (already used) problem.
     */
    @WithTransaction
    public Uni<Spent> spend(String stateHash, long accountId) {
        return owned(stateHash, accountId).map(a -> {
            if (a.usedAt != null) {
                throw ProblemException.conflict("state-used", "Authorization already used",
                        "This authorization was already used; start connecting again");
            }
            a.usedAt = Instant.now();
            return new Spent(a.platform, cipher.decrypt(a.codeVerifier, SocialAuthorization.binding(stateHash, "verifier")),
                    a.redirectUri);
        });
    }

    private Uni<SocialAuthorization> owned(String stateHash, long accountId) {
        return authorizations.ofStateForUpdate(stateHash).map(a -> {
            if (a == null) {
                throw ProblemException.badRequest("invalid-state", "Unknown authorization",
                        "No authorization was started with this state; start connecting again from Serambi");
            }
            if (a.accountId != accountId) {
                throw ProblemException.forbidden("This authorization was started by another account");
            }
            if (a.expiresAt.isBefore(Instant.now())) {
                throw ProblemException.badRequest("state-expired", "Authorization expired",
                        "The authorization was started more than 10 minutes ago; start connecting again");
            }
            return a;
        });
    }

    /** Keeps the accounts the exchange granted (encrypted) while staff choose a Page. */
    @WithTransaction
    public Uni<Void> keepGranted(String stateHash, List<GrantedAccount> granted) {
        return authorizations.ofStateForUpdate(stateHash).map(a -> {
            try {
                a.granted = cipher.encrypt(json.writeValueAsString(granted), SocialAuthorization.binding(stateHash, "granted"));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Cannot keep the granted accounts", e);
            }
            return a;
        }).replaceWithVoid();
    }

    /**
     * Connects the Page staff chose among those an authorization granted (with its Instagram account), and forgets
     * the others. 400 when the Page was not among them, 409 when nothing waits for a choice.
     */
    @WithTransaction
    public Uni<List<ConnectionView>> choose(String stateHash, long accountId, String pageId,
            Function<SocialPlatform, Boolean> appConfigured) {
        return owned(stateHash, accountId).chain(a -> {
            if (a.granted == null) {
                throw ProblemException.conflict("no-choice-pending", "Nothing to choose",
                        "This authorization has no Pages waiting for a choice");
            }
            List<GrantedAccount> granted;
            try {
                granted = json.readValue(cipher.decrypt(a.granted, SocialAuthorization.binding(stateHash, "granted")), GRANTED);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Cannot read the granted accounts", e);
            }
            List<GrantedAccount> page = Grants.page(granted, pageId);
            if (page.isEmpty()) {
                throw ProblemException.invalidField("pageId", "not one of the Pages this authorization granted");
            }
            return authorizations.delete(a).chain(() -> saveAll(page, ConnectionMethod.OAUTH, accountId, appConfigured));
        });
    }

    /** Saves (or replaces) each granted account as its platform's connection. */
    @WithTransaction
    public Uni<List<ConnectionView>> save(List<GrantedAccount> granted, ConnectionMethod method, long accountId,
            Function<SocialPlatform, Boolean> appConfigured) {
        return saveAll(granted, method, accountId, appConfigured);
    }

    private Uni<List<ConnectionView>> saveAll(List<GrantedAccount> granted, ConnectionMethod method,
            long accountId, Function<SocialPlatform, Boolean> appConfigured) {
        cipher.requireKey();
        Uni<List<ConnectionView>> saved = Uni.createFrom().item(new ArrayList<>());
        for (GrantedAccount g : granted) {
            saved = saved.chain(list -> connections.ofPlatform(g.platform()).chain(existing -> {
                SocialConnection c = existing == null ? new SocialConnection() : existing;
                Instant now = Instant.now();
                c.platform = g.platform();
                c.externalId = g.externalId();
                c.name = shorten(g.name() == null || g.name().isBlank() ? g.externalId() : g.name(), 300);
                c.method = method;
                store(c, g);
                c.status = SocialConnection.Status.CONNECTED;
                c.statusReason = null;
                c.connectedBy = accountId;
                c.connectedAt = now;
                return (existing == null ? connections.persist(c) : Uni.createFrom().item(c))
                        .chain(() -> view(c.platform, c, appConfigured.apply(c.platform)))
                        .map(v -> {
                            list.add(v);
                            return list;
                        });
            }));
        }
        return saved.call(() -> connections.flush());
    }

    /** Puts the account's tokens (encrypted, bound to the row) and expiry on the connection. */
    private void store(SocialConnection c, GrantedAccount g) {
        c.accessToken = cipher.encrypt(g.accessToken(), SocialConnection.binding(c.platform, c.externalId, "access"));
        c.refreshToken = cipher.encrypt(g.refreshToken(), SocialConnection.binding(c.platform, c.externalId, "refresh"));
        c.expiresAt = g.expiresAt();
        c.expiryWarnedAt = null;
        c.updatedAt = Instant.now();
    }

    /** Removes the platform's connection; false when there was none. */
    @WithTransaction
    public Uni<Boolean> disconnect(SocialPlatform platform) {
        return connections.deleteOfPlatform(platform);
    }

    /** The platform's connected account with its tokens in plain text; fails with NOT_CONNECTED when it cannot publish. */
    @WithSession
    public Uni<GrantedAccount> account(SocialPlatform platform) {
        return connections.ofPlatform(platform).map(c -> usable(platform, c));
    }

    private GrantedAccount usable(SocialPlatform platform, SocialConnection c) {
        if (c == null) {
            throw new PublishFailure(PublishFailure.Kind.NOT_CONNECTED, platform.label() + " is not connected", null, null);
        }
        if (c.status != SocialConnection.Status.CONNECTED) {
            throw new PublishFailure(PublishFailure.Kind.NOT_CONNECTED, platform.label()
                    + " needs reconnecting: " + c.statusReason, null, null);
        }
        return decrypted(c);
    }

    private GrantedAccount decrypted(SocialConnection c) {
        return new GrantedAccount(c.platform, c.externalId, c.name,
                cipher.decrypt(c.accessToken, SocialConnection.binding(c.platform, c.externalId, "access")),
                cipher.decrypt(c.refreshToken, SocialConnection.binding(c.platform, c.externalId, "refresh")),
                c.expiresAt);
    }

    /**
     * Refreshes the platform's tokens with its row locked (FOR UPDATE), so that with several instances only one
     * refreshes (X rotates refresh tokens: a second refresh with the old one would fail). If another instance
     * refreshed while this one waited for the lock, its fresh tokens are used as they are.
     */
    @WithTransaction
    public Uni<GrantedAccount> refreshLocked(SocialPlatform platform, Duration margin,
            Function<GrantedAccount, Uni<GrantedAccount>> refresh) {
        return connections.ofPlatformForUpdate(platform).chain(c -> {
            GrantedAccount current = usable(platform, c);
            if (c.refreshToken == null || c.expiresAt == null || c.expiresAt.isAfter(Instant.now().plus(margin))) {
                return Uni.createFrom().item(current);
            }
            return refresh.apply(current).map(fresh -> {
                GrantedAccount kept = new GrantedAccount(platform, c.externalId, c.name, fresh.accessToken(),
                        fresh.refreshToken() != null ? fresh.refreshToken() : current.refreshToken(), fresh.expiresAt());
                store(c, kept);
                return kept;
            });
        });
    }

    /**
     * Turns the platform's connection "needs reconnecting" with the platform's message and, when this changed it,
     * tells the admins (once, on the change).
     */
    @WithTransaction
    public Uni<Void> needsReconnect(SocialPlatform platform, String reason) {
        String why = shorten(reason == null || reason.isBlank() ? "Token ditolak oleh " + platform.label() : reason, 2000);
        return connections.markNeedsReconnect(platform, why).chain(changed -> changed
                ? notifications.notifyRole(Role.ADMIN, new Notice(NotificationKind.CONNECTION_NEEDS_RECONNECT,
                        "Akun " + platform.label() + " perlu disambungkan ulang",
                        "Serambi tidak bisa lagi menerbitkan ke " + platform.label() + " karena token aksesnya kedaluwarsa "
                                + "atau dicabut. Pesan dari " + platform.label() + ": " + why
                                + "\n\nSambungkan ulang akun ini di halaman Akun media sosial.",
                        RECONNECT_LINK))
                : Uni.createFrom().voidItem());
    }

    /**
     * The expiry job's work: turns expired tokens "needs reconnecting" and tells the admins 7 days (the lead) before a
     * token expires, once per expiry. Returns how many notices went out.
     */
    @WithTransaction
    public Uni<Integer> warnAndExpire(Duration lead) {
        return connections.expireOverdue("Token akses sudah kedaluwarsa").chain(expired -> {
            Uni<Integer> told = Uni.createFrom().item(0);
            for (SocialConnectionRepository.Expiring e : expired) {
                told = told.call(() -> notifications.notifyRole(Role.ADMIN, new Notice(
                        NotificationKind.CONNECTION_NEEDS_RECONNECT, "Akun " + e.platform().label() + " perlu disambungkan ulang",
                        "Token akses akun " + e.platform().label() + " \"" + e.name() + "\" sudah kedaluwarsa, sehingga "
                                + "Serambi tidak bisa menerbitkan ke sana. Sambungkan ulang akun ini di halaman Akun media sosial.",
                        RECONNECT_LINK))).map(n -> n + 1);
            }
            return told;
        }).chain(told -> connections.claimExpiryWarnings(lead).chain(expiring -> {
            Uni<Integer> more = Uni.createFrom().item(told);
            for (SocialConnectionRepository.Expiring e : expiring) {
                long days = Math.max(0, Duration.between(Instant.now(), e.expiresAt()).toDays());
                more = more.call(() -> notifications.notifyRole(Role.ADMIN, new Notice(
                        NotificationKind.CONNECTION_EXPIRING, "Token " + e.platform().label() + " segera kedaluwarsa",
                        "Token akses akun " + e.platform().label() + " \"" + e.name() + "\" kedaluwarsa dalam " + days
                                + " hari (" + e.expiresAt() + "). Sambungkan ulang akun ini sebelum itu agar unggahan "
                                + "terjadwal tetap terbit.",
                        RECONNECT_LINK))).map(n -> n + 1);
            }
            return more;
        })).call(() -> authorizations.deleteEndedBefore(Instant.now().minus(Duration.ofDays(1))));
    }

    static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
