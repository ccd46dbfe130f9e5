package id.serambi.account.members;

import id.serambi.common.MailOut;
import id.serambi.common.ProblemException;
import id.serambi.common.SerambiConfig;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.mailer.Mail;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Consent of a parent or guardian for members under 13 (UU PDP): a link with a secret token goes to the guardian's
 * e-mail; until it is opened and confirmed, the child cannot join a challenge. Only the token's hash is stored.
 */
@ApplicationScoped
public class GuardianConsent {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final MailOut mailer;
    private final SerambiConfig config;
    private final UserRepository users;

    public GuardianConsent(MailOut mailer, SerambiConfig config, UserRepository users) {
        this.users = users;
        this.mailer = mailer;
        this.config = config;
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Uni<Void> ask(User child, String token) {
        String base = config.publicUrl().replaceAll("/+$", "");
        String link = base + "/persetujuan/" + token;
        String text = """
                Yth. Orang tua/wali,

                %s (tahun lahir %d) mendaftar di Serambi, layanan %s, dan mencantumkan alamat e-mail Anda sebagai orang tua/wali.
                Anak di bawah 13 tahun baru dapat ikut tantangan membaca setelah Anda menyetujuinya.
                Di papan peringkat hanya nama panggilan yang tampil; nama, e-mail, dan usia tidak pernah ditampilkan.

                Setujui di sini: %s

                Jika Anda tidak mengenal pendaftaran ini, abaikan e-mail ini.

                Salam,
                %s
                """.formatted(child.displayName, child.birthYear, config.library().name(), link, config.library().name());
        return mailer.send(Mail.withText(child.guardianEmail, "Persetujuan orang tua/wali untuk " + child.displayName, text),
                "guardian consent for account " + child.id);
    }

    /** The guardian confirms through the link's token. A second confirmation finds nothing: 404. */
    @WithTransaction
    public Uni<Void> confirm(String token) {
        return users.findByGuardianTokenHash(hash(token)).map(user -> {
            if (user == null) {
                throw new ProblemException(404, "not-found", "Not found",
                        "This consent link is unknown or was already used", null, java.util.Map.of());
            }
            user.guardianConsentAt = Instant.now();
            user.guardianTokenHash = null;
            return null;
        });
    }
}
