package id.serambi.notification.mail;

import id.serambi.account.Accounts;
import id.serambi.common.MailOut;
import id.serambi.common.SerambiConfig;
import id.serambi.notification.inbox.NotificationRepository.PendingEmail;
import io.quarkus.mailer.Mail;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The e-mail of a notification, in Bahasa Indonesia, sent through {@link MailOut}. */
@ApplicationScoped
public class NotificationMails {

    private final MailOut out;
    private final String publicUrl;
    private final String libraryName;

    public NotificationMails(MailOut out, SerambiConfig config) {
        this.out = out;
        this.publicUrl = config.publicUrl().replaceAll("/+$", "");
        this.libraryName = config.library().name();
    }

    public Uni<Void> send(Accounts.Contact to, PendingEmail n) {
        StringBuilder text = new StringBuilder("Halo ").append(to.displayName()).append(",\n\n")
                .append(n.body().strip()).append("\n\n");
        if (n.link() != null) {
            text.append("Buka di Serambi: ").append(publicUrl).append(n.link()).append("\n\n");
        }
        text.append("Salam,\n").append(libraryName).append("\n\n")
                .append("--\nAnda menerima e-mail ini karena pemberitahuan jenis ini aktif untuk akun Anda. ")
                .append("Atur e-mail pemberitahuan: ").append(publicUrl).append("/staf/notifikasi\n");
        return out.send(Mail.withText(to.email(), n.title(), text.toString()), "notification " + n.id());
    }
}
