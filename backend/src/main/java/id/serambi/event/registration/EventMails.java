package id.serambi.event.registration;

import id.serambi.common.MailOut;
import id.serambi.event.RegistrantWhatsapp;
import id.serambi.event.RegistrantWhatsapp.Notice;
import id.serambi.event.catalogue.Event;
import id.serambi.event.catalogue.EventLinks;
import io.quarkus.mailer.Mail;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The e-mails patrons get about their registrations, in Bahasa Indonesia with times in the library's zone. They are
 * sent after the transaction commits, through {@link MailOut}. A registrant who opted in to WhatsApp gets the
 * promotion, the reminder, the cancellation, the move to another session and the new schedule there instead
 * ({@link RegistrantWhatsapp}), and the e-mail only when that send fails; the registration's own e-mail (with its
 * manage link; for a series, the one listing every session) always goes, and WhatsApp tells it too.
 */
@ApplicationScoped
public class EventMails {

    private static final Logger LOG = Logger.getLogger(EventMails.class);

    /** One e-mail, before it is sent. */
    record Letter(String to, String subject, String text) {
    }

    private final MailOut out;
    private final EventLinks links;
    private final RegistrantWhatsapp whatsapp;

    public EventMails(MailOut out, EventLinks links, RegistrantWhatsapp whatsapp) {
        this.out = out;
        this.links = links;
        this.whatsapp = whatsapp;
    }

    /** After a registration, or a repeated one (then a new manage link for the same registration). */
    public Uni<Void> registered(Event e, Registration r, String token, boolean repeated) {
        String subject;
        StringBuilder body = greeting(r);
        if (repeated) {
            subject = "Tautan pendaftaran Anda: " + e.title;
            body.append("Anda sudah terdaftar untuk acara ini. Berikut tautan baru untuk melihat atau membatalkan "
                    + "pendaftaran Anda.\n\n");
        } else if (r.holdsSeat()) {
            subject = "Pendaftaran terkonfirmasi: " + e.title;
            body.append("Terima kasih, pendaftaran Anda sudah terkonfirmasi.\n\n");
        } else {
            subject = "Anda masuk daftar tunggu: " + e.title;
            body.append("Kursi untuk acara ini sudah penuh, jadi Anda masuk daftar tunggu. Kami akan mengirim "
                    + "e-mail jika ada kursi yang kosong.\n\n");
        }
        eventBlock(body, e, r.holdsSeat());
        body.append("Lihat atau batalkan pendaftaran: ").append(links.managePage(token)).append("\n");
        Uni<Void> mail = send(r.email, subject, signed(body));
        if (repeated || r.whatsapp == null) {
            return mail;
        }
        RegistrantWhatsapp.Message told = r.holdsSeat() ? message(r, Notice.CONFIRMED, e, true)
                : message(r, Notice.WAITLISTED, e, false);
        return mail.call(() -> queue(List.of(told)));
    }

    /** One session of a registration for several at once: {@code repeated} when the e-mail was registered already. */
    public record Session(Event event, Registration registration, String token, boolean repeated) {
    }

    /** One e-mail for a registration for several sessions (a series): each session, its status and its manage link. */
    public Uni<Void> registeredForSessions(String seriesTitle, List<Session> sessions) {
        if (sessions.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Registration first = sessions.get(0).registration();
        StringBuilder body = greeting(first);
        body.append("Terima kasih, Anda terdaftar untuk ").append(sessions.size())
                .append(" pertemuan \"").append(seriesTitle).append("\". Setiap pertemuan punya tautan sendiri untuk ")
                .append("melihat atau membatalkan pendaftaran.\n\n");
        int n = 1;
        for (Session s : sessions) {
            Registration r = s.registration();
            String status = s.repeated() ? "sudah terdaftar sebelumnya"
                    : r.holdsSeat() ? "terkonfirmasi" : "daftar tunggu (kami kabari jika ada kursi kosong)";
            body.append(n++).append(". ").append(links.format(s.event().startsAt)).append(" - ").append(status).append("\n");
            eventBlock(body, s.event(), r.holdsSeat());
            body.append("Lihat atau batalkan pendaftaran: ").append(links.managePage(s.token())).append("\n\n");
        }
        Uni<Void> mail = send(first.email, "Pendaftaran seri: " + seriesTitle, signed(body));
        List<Session> created = sessions.stream().filter(s -> !s.repeated()).toList();
        if (created.isEmpty() || created.get(0).registration().whatsapp == null) {
            return mail;
        }
        return mail.call(() -> queue(List.of(seriesMessage(seriesTitle, created))));
    }

    /**
     * The one WhatsApp message of a series registration, on its first new session's registration: {{1}} name, {{2}} the
     * series, {{3}} how many sessions, {{4}} their starts with each one's status, {{5}} the first session's page.
     */
    private RegistrantWhatsapp.Message seriesMessage(String seriesTitle, List<Session> created) {
        Registration r = created.get(0).registration();
        String starts = String.join("; ", created.stream().map(s -> links.format(s.event().startsAt)
                + (s.registration().holdsSeat() ? "" : " (daftar tunggu)")).toList());
        return new RegistrantWhatsapp.Message(r.id, r.whatsapp, Notice.SERIES_REGISTERED, List.of(r.name, seriesTitle,
                String.valueOf(created.size()), starts, links.eventPage(created.get(0).event().id)));
    }

    public Uni<Void> promoted(Event e, List<Waitlist.Promotion> promotions) {
        return byWhatsappOrMail(promotions, Waitlist.Promotion::registration,
                p -> message(p.registration(), Notice.PROMOTED, e, true), p -> promotedLetter(e, p));
    }

    Letter promotedLetter(Event e, Waitlist.Promotion p) {
        StringBuilder body = greeting(p.registration());
        body.append("Kabar baik: ada kursi kosong dan Anda kini terdaftar (tidak lagi di daftar tunggu).\n\n");
        eventBlock(body, e, true);
        body.append("Lihat atau batalkan pendaftaran: ").append(links.managePage(p.token())).append("\n");
        return new Letter(p.registration().email, "Kursi tersedia: " + e.title, signed(body));
    }

    /** To registrants moved to another session of an event (their opt-in moved with them). */
    public Uni<Void> moved(Event target, List<Waitlist.Promotion> moved) {
        return byWhatsappOrMail(moved, Waitlist.Promotion::registration,
                p -> message(p.registration(), Notice.MOVED, target, true), p -> movedLetter(target, p));
    }

    Letter movedLetter(Event target, Waitlist.Promotion p) {
        Registration r = p.registration();
        StringBuilder body = greeting(r);
        body.append("Acara yang Anda daftari dipindahkan ke jadwal baru, dan pendaftaran Anda ikut dipindahkan")
                .append(r.holdsSeat() ? ".\n\n" : "; Anda berada di daftar tunggu.\n\n");
        eventBlock(body, target, r.holdsSeat());
        body.append("Lihat atau batalkan pendaftaran: ").append(links.managePage(p.token())).append("\n");
        return new Letter(r.email, "Acara dipindahkan: " + target.title, signed(body));
    }

    public Uni<Void> eventCancelled(Event e, List<Registration> registrants) {
        return byWhatsappOrMail(registrants, Function.identity(), r -> message(r, Notice.EVENT_CANCELLED, e, false),
                r -> cancelledLetter(e, r));
    }

    Letter cancelledLetter(Event e, Registration r) {
        StringBuilder body = greeting(r);
        body.append("Mohon maaf, acara \"").append(e.title).append("\" pada ").append(links.format(e.startsAt))
                .append(" dibatalkan. Pendaftaran Anda otomatis batal; Anda tidak perlu melakukan apa pun.\n\n")
                .append("Lihat acara lain: ").append(links.catalogue()).append("\n");
        return new Letter(r.email, "Acara dibatalkan: " + e.title, signed(body));
    }

    public Uni<Void> rescheduled(Event e, List<Registration> registrants) {
        return byWhatsappOrMail(registrants, Function.identity(), r -> message(r, Notice.RESCHEDULED, e, true),
                r -> rescheduledLetter(e, r));
    }

    Letter rescheduledLetter(Event e, Registration r) {
        StringBuilder body = greeting(r);
        body.append("Jadwal acara yang Anda ikuti berubah.\n\n");
        eventBlock(body, e, r.holdsSeat());
        return new Letter(r.email, "Perubahan jadwal: " + e.title, signed(body));
    }

    /** A reminder that is due: the event and the registration. */
    public record Reminder(Event event, Registration registration) {
    }

    /** The reminders, to WhatsApp for those who opted in (queued in one transaction), by e-mail to the others. */
    public Uni<Void> reminders(List<Reminder> due) {
        return byWhatsappOrMail(due, Reminder::registration,
                d -> message(d.registration(), Notice.REMINDER, d.event(), true),
                d -> reminderLetter(d.event(), d.registration()));
    }

    Letter reminderLetter(Event e, Registration r) {
        StringBuilder body = greeting(r);
        body.append("Pengingat: acara yang Anda ikuti segera dimulai.\n\n");
        eventBlock(body, e, true);
        return new Letter(r.email, "Pengingat: " + e.title + " dimulai " + links.format(e.startsAt), signed(body));
    }

    /** Sends a letter now; true when the mail server took it. */
    Uni<Boolean> deliver(Letter letter) {
        return out.deliver(Mail.withText(letter.to(), letter.subject(), letter.text()), "\"" + letter.subject() + "\"");
    }

    /**
     * The template message of a notice. Its body parameters, in order: the registrant's name, the event's title, its
     * start, then the join link (only for a seat holder: else the event page again), the event page; for a
     * cancellation the catalogue instead of the last two.
     */
    private RegistrantWhatsapp.Message message(Registration r, Notice notice, Event e, boolean withJoinUrl) {
        List<String> parameters = new ArrayList<>(List.of(r.name, e.title, links.format(e.startsAt)));
        if (notice == Notice.EVENT_CANCELLED) {
            parameters.add(links.catalogue());
        } else {
            String page = links.eventPage(e.id);
            parameters.add(withJoinUrl && r.holdsSeat() && e.joinUrl != null ? e.joinUrl : page);
            parameters.add(page);
        }
        return new RegistrantWhatsapp.Message(r.id, r.whatsapp, notice, parameters);
    }

    /** Queues the messages of those who opted in (one transaction), and e-mails everyone else. */
    private <T> Uni<Void> byWhatsappOrMail(List<T> to, Function<T, Registration> registration,
            Function<T, RegistrantWhatsapp.Message> message, Function<T, Letter> letter) {
        List<RegistrantWhatsapp.Message> messages = to.stream().filter(t -> registration.apply(t).whatsapp != null)
                .map(message).toList();
        return queue(messages).chain(taken -> all(to.stream()
                .filter(t -> !taken.contains(registration.apply(t).id))
                .map(letter)
                .map(l -> send(l.to(), l.subject(), l.text()))
                .toList()));
    }

    /** The registrations WhatsApp carries; none when WhatsApp cannot be asked (then e-mail goes, as before). */
    private Uni<Set<Long>> queue(List<RegistrantWhatsapp.Message> messages) {
        if (messages.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return whatsapp.queue(messages).onFailure().recoverWithItem(f -> {
            LOG.warnf("WhatsApp messages not queued, e-mail instead: %s", f.toString());
            return Set.of();
        });
    }

    private StringBuilder greeting(Registration r) {
        return new StringBuilder("Halo ").append(r.name).append(",\n\n");
    }

    private void eventBlock(StringBuilder body, Event e, boolean withJoinUrl) {
        body.append("Acara: ").append(e.title).append("\n")
                .append("Mulai: ").append(links.format(e.startsAt)).append("\n")
                .append("Selesai: ").append(links.format(e.endsAt)).append("\n")
                .append("Platform: ").append(e.platform.displayName()).append("\n");
        if (withJoinUrl) {
            body.append("Tautan bergabung: ").append(e.joinUrl).append("\n");
        }
        body.append("Halaman acara: ").append(links.eventPage(e.id)).append("\n\n");
    }

    private String signed(StringBuilder body) {
        return body.append("\nSalam,\n").append(links.libraryName()).append("\n").toString();
    }

    private Uni<Void> send(String to, String subject, String text) {
        return out.send(Mail.withText(to, subject, text), "\"" + subject + "\"");
    }

    private static Uni<Void> all(List<Uni<Void>> sends) {
        return sends.isEmpty() ? Uni.createFrom().voidItem()
                : Uni.join().all(sends).andCollectFailures().replaceWithVoid();
    }
}
