package id.serambi.social.meta;

import id.serambi.social.PublishFailure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Set;

/**
 * What a Graph API error means for Serambi (Graph API "Handling errors" and "Rate limiting"): the error JSON
 * {@code {"error":{"message","type","code","error_subcode","error_user_msg","is_transient","fbtrace_id"}}} and the
 * usage headers.
 * <ul>
 * <li>code 190 (the access token expired, was revoked or is invalid, whatever its subcode), 102 (session) or an HTTP
 * 401: {@link PublishFailure.Kind#TOKEN_INVALID};</li>
 * <li>throttling: codes 4 (app), 17 (user), 32 (Page), 613, 80001 to 80014 (business use case), or an HTTP 429:
 * {@link PublishFailure.Kind#TEMPORARY}, after the wait that {@code Retry-After}, {@code X-Business-Use-Case-Usage}'s
 * {@code estimated_time_to_regain_access} (minutes) or {@code X-App-Usage} give;</li>
 * <li>codes 1 and 2 (unknown error, service unavailable), {@code is_transient}, 5xx: {@link PublishFailure.Kind#TEMPORARY};</li>
 * <li>anything else (a policy rejection, invalid media, a bad parameter, a missing permission):
 * {@link PublishFailure.Kind#PERMANENT} with Meta's message.</li>
 * </ul>
 */
final class GraphErrors {

    private static final Set<Integer> THROTTLED = Set.of(4, 17, 32, 613);
    /** When Meta says "throttled" without saying for how long. */
    static final Duration DEFAULT_WAIT = Duration.ofMinutes(15);

    private GraphErrors() {
    }

    static PublishFailure failure(int status, String body, String retryAfter, String businessUsage, String appUsage) {
        JsonObject error = null;
        try {
            JsonObject json = body == null || body.isBlank() ? null : new JsonObject(body);
            error = json == null ? null : json.getJsonObject("error");
        } catch (RuntimeException e) {
            // not Graph's error JSON (a proxy's page): judged by the status alone
        }
        int code = error == null ? 0 : error.getInteger("code", 0);
        String message = message(status, error);
        if (code == 190 || code == 102 || (status == 401 && !throttled(code))) {
            return new PublishFailure(PublishFailure.Kind.TOKEN_INVALID, message, status, null);
        }
        if (throttled(code) || status == 429) {
            Duration wait = wait(retryAfter, businessUsage, appUsage);
            return new PublishFailure(PublishFailure.Kind.TEMPORARY, message, status, wait == null ? DEFAULT_WAIT : wait);
        }
        boolean transientError = error != null && error.getBoolean("is_transient", false);
        if (code == 1 || code == 2 || transientError || status >= 500) {
            return new PublishFailure(PublishFailure.Kind.TEMPORARY, message, status, wait(retryAfter, businessUsage, null));
        }
        return new PublishFailure(PublishFailure.Kind.PERMANENT, message, status, null);
    }

    private static boolean throttled(int code) {
        return THROTTLED.contains(code) || (code >= 80001 && code <= 80014);
    }

    /** Meta's message (with the one meant for users, when it gives one), never more than 2000 characters. */
    private static String message(int status, JsonObject error) {
        if (error == null) {
            return "Meta answered HTTP " + status;
        }
        String text = error.getString("message", "Meta answered HTTP " + status);
        String userMessage = error.getString("error_user_msg");
        if (userMessage != null && !userMessage.isBlank() && !text.contains(userMessage)) {
            text = text + " — " + userMessage;
        }
        Object code = error.getValue("code");
        if (code != null && !text.contains("(#" + code + ")")) {
            text = text + " (code " + code + ")";
        }
        return text.length() > 2000 ? text.substring(0, 1999) + "…" : text;
    }

    /** The longest wait any of the headers asks for; null when none says. */
    static Duration wait(String retryAfter, String businessUsage, String appUsage) {
        Duration wait = null;
        if (retryAfter != null) {
            try {
                wait = Duration.ofSeconds(Long.parseLong(retryAfter.strip()));
            } catch (NumberFormatException e) {
                // an HTTP date: rare for Meta; fall through to the usage headers
            }
        }
        if (businessUsage != null) {
            try {
                JsonObject usage = new JsonObject(businessUsage);
                for (String business : usage.fieldNames()) {
                    JsonArray entries = usage.getJsonArray(business);
                    for (int i = 0; i < entries.size(); i++) {
                        JsonObject entry = entries.getJsonObject(i);
                        Object minutes = entry.getValue("estimated_time_to_regain_access");
                        if (minutes instanceof Number n && n.longValue() > 0) {
                            wait = longer(wait, Duration.ofMinutes(n.longValue()));
                        }
                    }
                }
            } catch (RuntimeException e) {
                // unreadable header: ignored
            }
        }
        if (appUsage != null) {
            try {
                JsonObject usage = new JsonObject(appUsage);
                int highest = 0;
                for (String k : usage.fieldNames()) {
                    if (usage.getValue(k) instanceof Number n) {
                        highest = Math.max(highest, n.intValue());
                    }
                }
                if (highest >= 100) {
                    wait = longer(wait, DEFAULT_WAIT);
                }
            } catch (RuntimeException e) {
                // unreadable header: ignored
            }
        }
        return wait;
    }

    private static Duration longer(Duration a, Duration b) {
        return a == null || b.compareTo(a) > 0 ? b : a;
    }
}
