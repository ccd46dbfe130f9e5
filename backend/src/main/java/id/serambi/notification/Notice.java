package id.serambi.notification;

/**
 * One notification's content: a short title, a body (plain text, also the e-mail's text) and a link inside the SPA
 * (a path such as {@code /staf/konten/12}), or null.
 */
public record Notice(NotificationKind kind, String title, String body, String link) {
}
