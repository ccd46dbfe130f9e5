package id.serambi.conversation.whatsapp;

/**
 * Why the Cloud API did not take a message, read from its error code (developers.facebook.com/documentation/
 * business-messaging/whatsapp/support/error-codes). The message never holds the access token.
 */
public class WhatsappFailure extends RuntimeException {

    /** What to do about it. */
    public enum Kind {
        /** Rate limits (HTTP 429, 4, 80007, 130429, 131056), a temporary error, no answer: try again later. */
        RETRY_LATER,
        /** 131047: more than 24 hours since the person last wrote; only a template may be sent. */
        OUTSIDE_WINDOW,
        /** 132000-series: the template does not exist, is paused, or its parameters do not match it. */
        TEMPLATE,
        /** 131026, 131030, 131021: the number cannot receive WhatsApp messages (from us). */
        INVALID_NUMBER,
        /** Anything else, e.g. an invalid token or missing permission (190, 10, 200): not worth repeating. */
        REFUSED
    }

    private final Kind kind;
    private final Integer code;

    public WhatsappFailure(Kind kind, Integer code, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
    }

    public Kind kind() {
        return kind;
    }

    /** The Cloud API's error code, when it gave one. */
    public Integer code() {
        return code;
    }

    /** The failure of an HTTP answer with this status and the Cloud API's error JSON (or anything else). */
    static WhatsappFailure of(int status, Integer code, String message) {
        String text = "WhatsApp refused the message (HTTP " + status + (code == null ? "" : ", code " + code) + ")"
                + (message == null || message.isBlank() ? "" : ": " + message);
        return new WhatsappFailure(kindOf(status, code), code, text);
    }

    static Kind kindOf(int status, Integer code) {
        if (code != null) {
            int c = code;
            if (c == 4 || c == 80007 || c == 130429 || c == 131056 || c == 131048 || c == 133016) {
                return Kind.RETRY_LATER;
            }
            if (c == 1 || c == 2 || c == 131000 || c == 131016) {
                return Kind.RETRY_LATER;
            }
            if (c == 131047) {
                return Kind.OUTSIDE_WINDOW;
            }
            if (c >= 132000 && c < 133000) {
                return Kind.TEMPLATE;
            }
            if (c == 131026 || c == 131030 || c == 131021) {
                return Kind.INVALID_NUMBER;
            }
        }
        if (status == 429 || status >= 500) {
            return Kind.RETRY_LATER;
        }
        return Kind.REFUSED;
    }
}
