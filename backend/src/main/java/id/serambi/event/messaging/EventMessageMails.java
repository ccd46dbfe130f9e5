package id.serambi.event.messaging;

import id.serambi.common.MailOut;
import id.serambi.event.catalogue.Event;
import id.serambi.event.catalogue.EventLinks;
import io.quarkus.mailer.Mail;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The e-mails of this capability: staff's message to registrants, and the request for feedback after an event. Each
 * is plain text with an HTML twin, carries the patron's own manage link (where they can also cancel or give
 * feedback) and no unsubscribe link (they are about a registration the patron made). In Bahasa Indonesia: a guest's
 * language is not known (registration asks only for a name and an e-mail).
 */
@ApplicationScoped
public class EventMessageMails {

    private final MailOut out;
    private final EventLinks links;

    public EventMessageMails(MailOut out, EventLinks links) {
        this.out = out;
        this.links = links;
    }

    /** Staff's message; true when the mail server took it. */
    public Uni<Boolean> message(Event e, String name, String email, String subject, String body, String token) {
        String manage = links.managePage(token);
        String footer = "Pesan ini dikirim " + links.libraryName() + " kepada peserta acara \"" + e.title + "\" ("
                + links.format(e.startsAt) + ").";
        String text = "Halo " + name + ",\n\n" + body.strip() + "\n\n--\n" + footer + "\nHalaman acara: "
                + links.eventPage(e.id) + "\nLihat atau batalkan pendaftaran Anda: " + manage + "\n";
        String html = "<p>Halo " + escape(name) + ",</p>\n" + paragraphs(body) + "<hr>\n<p style=\"color:#555\">"
                + escape(footer) + "<br>\n<a href=\"" + escape(links.eventPage(e.id)) + "\">Halaman acara</a> · "
                + "<a href=\"" + escape(manage) + "\">Lihat atau batalkan pendaftaran Anda</a></p>\n";
        Mail mail = Mail.withText(email, subject.strip(), text).setHtml(html);
        return out.deliver(mail, "\"" + subject + "\" (message to registrants)");
    }

    /**
     * The request for feedback after the event: a link to the event's feedback survey when it has one, else to the
     * patron's manage page with the fixed 1-5 form.
     */
    public Uni<Void> feedbackRequest(Event e, String name, String email, String token) {
        boolean survey = e.feedbackSurveyId != null;
        String link = survey ? links.feedbackSurvey(e.feedbackSurveyId, token) : links.managePage(token);
        String subject = "Bagaimana acaranya? " + e.title;
        String intro = "Terima kasih sudah mengikuti \"" + e.title + "\" pada " + links.format(e.startsAt) + ".";
        String ask = survey
                ? "Bagaimana pendapat Anda? Isi survei singkat kami: hanya perlu beberapa menit, dan jawaban Anda "
                        + "membantu kami menyiapkan acara berikutnya."
                : "Bagaimana pendapat Anda? Beri nilai dan, bila mau, komentar singkat: hanya perlu satu menit, "
                        + "dan masukan Anda membantu kami menyiapkan acara berikutnya.";
        String action = survey ? "Isi survei" : "Beri masukan";
        String text = "Halo " + name + ",\n\n" + intro + "\n\n" + ask + "\n\n" + action + ": " + link
                + "\n\nSalam,\n" + links.libraryName() + "\n";
        String html = "<p>Halo " + escape(name) + ",</p>\n<p>" + escape(intro) + "</p>\n<p>" + escape(ask) + "</p>\n"
                + "<p><a href=\"" + escape(link) + "\">" + action + "</a></p>\n<p>Salam,<br>\n"
                + escape(links.libraryName()) + "</p>\n";
        return out.send(Mail.withText(email, subject, text).setHtml(html), "\"" + subject + "\"");
    }

    private static String paragraphs(String body) {
        StringBuilder html = new StringBuilder();
        for (String paragraph : body.strip().split("\\R\\s*\\R")) {
            html.append("<p>").append(escape(paragraph.strip()).replaceAll("\\R", "<br>\n")).append("</p>\n");
        }
        return html.toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
