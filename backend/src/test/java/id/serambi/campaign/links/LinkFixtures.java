package id.serambi.campaign.links;

import id.serambi.support.Accounts;
import io.agroal.api.AgroalDataSource;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Targets and links made by SQL, and clicks sent as raw HTTP (so a click can come without any User-Agent). */
final class LinkFixtures {

    private LinkFixtures() {
    }

    static long event(AgroalDataSource db, String title) {
        return Accounts.count(db, """
                INSERT INTO event (title, description, type, audience, language, starts_at, ends_at, platform, join_url, status)
                VALUES (?, 'Membahas novel bersama komunitas pembaca Banjarbaru.', 'BOOK_DISCUSSION', 'ALL', 'id',
                        '2031-05-10T11:00:00Z', '2031-05-10T12:30:00Z', 'ZOOM', 'https://zoom.us/j/rahasia-123', 'PUBLISHED')
                RETURNING id""", title);
    }

    static long challenge(AgroalDataSource db, String title) {
        return Accounts.count(db, """
                INSERT INTO challenge (title, audience, starts_on, ends_on, goal_type, goal_value, points_per_book, status)
                VALUES (?, 'TEENS', '2031-05-01', '2031-05-31', 'BOOKS', 10, 10, 'PUBLISHED') RETURNING id""", title);
    }

    static long survey(AgroalDataSource db, String title) {
        return Accounts.count(db, """
                INSERT INTO survey (title_id, title_en, intro_id, intro_en, access, one_per_person, status, sections)
                VALUES (?, ?, 'Isi survei singkat ini.', 'Fill in this short survey.', 'ANONYMOUS', false, 'PUBLISHED',
                        '[]'::jsonb) RETURNING id""", title, title);
    }

    /** A partner link (partner_id set) to the target, made by SQL; returns its code. */
    static String link(AgroalDataSource db, String kind, Long targetId) {
        long partner = Accounts.count(db, "INSERT INTO partner (name, kind) VALUES (?, 'COMMUNITY') RETURNING id",
                "Komunitas " + java.util.UUID.randomUUID());
        String code = LinkCodes.generate();
        Accounts.sql(db, "INSERT INTO tracked_link (code, target_kind, target_id, partner_id) VALUES (?, ?, ?, ?)",
                code, kind, targetId, partner);
        return code;
    }

    static long linkId(AgroalDataSource db, String code) {
        return Accounts.count(db, "SELECT id FROM tracked_link WHERE code = ?", code);
    }

    /** Clicks of the link in link_click, people or bots. */
    static long clicks(AgroalDataSource db, String code, boolean bot) {
        return Accounts.count(db, "SELECT coalesce(sum(c.clicks), 0) FROM link_click c JOIN tracked_link t ON t.id = c.link_id"
                + " WHERE t.code = ? AND c.bot = ?", code, bot);
    }

    static long allClicks(AgroalDataSource db) {
        return Accounts.count(db, "SELECT coalesce(sum(clicks), 0) FROM link_click");
    }

    /** An answer's status line and headers (lower-case names). */
    record Answer(int status, Map<String, String> headers) {
        String location() {
            return headers.get("location");
        }
    }

    /** A raw HTTP/1.1 request to the test server: the method, the path, and the User-Agent (null: none at all). */
    static Answer request(int port, String method, String path, String userAgent) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nAccept: text/html\r\nConnection: close\r\n");
            if (userAgent != null) {
                head.append("User-Agent: ").append(userAgent).append("\r\n");
            }
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            String status = in.readLine();
            Map<String, String> headers = new HashMap<>();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                int colon = line.indexOf(':');
                headers.merge(line.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT),
                        line.substring(colon + 1).trim(), (a, b) -> a + ", " + b);
            }
            return new Answer(Integer.parseInt(status.split(" ")[1]), headers);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
