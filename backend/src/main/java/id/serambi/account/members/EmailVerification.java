package id.serambi.account.members;

import id.serambi.common.MailOut;
import id.serambi.common.ProblemException;
import id.serambi.common.SerambiConfig;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.mailer.Mail;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Proof that an account owns its e-mail address: sign-up mails a link with a secret token (only its hash is stored,
 * with an expiry); following it marks the address verified. Until then the account is whole for its own use, but data
 * that others left under that address (a guest's event registrations) is neither shown to it nor erased by it.
 */
@ApplicationScoped
public class EmailVerification {

    private final MailOut mailer;
    private final SerambiConfig config;
    private final AccountSettings settings;
    private final UserRepository users;

    public EmailVerification(MailOut mailer, SerambiConfig config, AccountSettings settings, UserRepository users) {
        this.users = users;
        this.mailer = mailer;
        this.config = config;
        this.settings = settings;
    }

    /** Gives the account a new link (replacing any earlier one) and returns its token, to be mailed after commit. */
    String issue(User user) {
        String token = GuardianConsent.newToken();
        Instant now = Instant.now();
        user.emailVerificationHash = GuardianConsent.hash(token);
        user.emailVerificationExpiresAt = now.plus(settings.verificationLifetime());
        user.emailVerificationSentAt = now;
        return token;
    }

    Uni<Void> send(User user, String token) {
        String link = base() + "/akun/verifikasi/" + token;
        String text = """
                Halo %s,

                Terima kasih telah mendaftar di Serambi, layanan %s.
                Pastikan alamat e-mail ini milik Anda dengan membuka tautan berikut (berlaku sampai %s):

                %s

                Jika Anda tidak merasa mendaftar, abaikan e-mail ini; akun itu tidak akan melihat data apa pun yang
                pernah Anda kirim dengan alamat ini.

                Salam,
                %s
                """.formatted(user.displayName, config.library().name(), until(user.emailVerificationExpiresAt), link,
                config.library().name());
        return mailer.send(Mail.withText(user.email, "Verifikasi alamat e-mail Anda di Serambi", text),
                "e-mail verification for account " + user.id);
    }

    /** Someone tried to sign up with an address that already has an account: its owner hears of it, nobody else. */
    Uni<Void> tellOwner(User owner) {
        String text = """
                Halo %s,

                Seseorang baru saja mencoba membuat akun Serambi (%s) dengan alamat e-mail ini, padahal alamat ini sudah
                terdaftar. Akun Anda tidak berubah, dan tidak ada akun baru yang dibuat.

                Jika itu Anda, silakan masuk di %s/masuk dengan kata sandi Anda. Jika bukan, abaikan e-mail ini.

                Salam,
                %s
                """.formatted(owner.displayName, config.library().name(), base(), config.library().name());
        return mailer.send(Mail.withText(owner.email, "Percobaan pendaftaran dengan alamat e-mail Anda", text),
                "sign-up attempt notice for account " + owner.id);
    }

    /** The owner follows the link: 404 for an unknown or used token, 410 for an expired one. */
    @WithTransaction
    public Uni<Void> verify(String token) {
        return users.findByEmailVerificationHash(GuardianConsent.hash(token)).map(user -> {
            if (user == null) {
                throw new ProblemException(404, "not-found", "Not found",
                        "This verification link is unknown or was already used", null, Map.of());
            }
            if (Instant.now().isAfter(user.emailVerificationExpiresAt)) {
                throw new ProblemException(410, "verification-link-expired", "Verification link expired",
                        "This verification link has expired; log in and ask for a new one", null, Map.of());
            }
            user.emailVerifiedAt = Instant.now();
            user.emailVerificationHash = null;
            user.emailVerificationExpiresAt = null;
            return null;
        });
    }

    /**
     * A logged-in member asks for a new link: refused when verified, or sooner than the resend interval allows.
     * Returns the address the link went to.
     */
    public Uni<String> resend(long userId) {
        return renew(userId).call(issued -> send(issued.user(), issued.token())).map(issued -> issued.user().email);
    }

    private record Issued(User user, String token) {
    }

    @WithTransaction
    Uni<Issued> renew(long userId) {
        return users.findForUpdate(userId).map(user -> {
            if (user == null) {
                throw ProblemException.notFound("Account", userId);
            }
            if (user.emailVerified()) {
                throw ProblemException.conflict("already-verified", "Already verified",
                        "Your e-mail address is already verified");
            }
            Instant now = Instant.now();
            if (user.emailVerificationSentAt != null) {
                Instant next = user.emailVerificationSentAt.plus(settings.verificationResendInterval());
                if (now.isBefore(next)) {
                    long seconds = Math.max(1, Duration.between(now, next).toSeconds() + 1);
                    throw new ProblemException(429, "rate-limited", "Too many requests",
                            "A verification link was sent moments ago; try again in " + seconds + " seconds", null,
                            Map.of("Retry-After", String.valueOf(seconds)));
                }
            }
            return new Issued(user, issue(user));
        });
    }

    private String base() {
        return config.publicUrl().replaceAll("/+$", "");
    }

    private String until(Instant expiry) {
        return java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm", java.util.Locale.forLanguageTag("id"))
                .withZone(config.library().timeZone()).format(expiry);
    }
}
