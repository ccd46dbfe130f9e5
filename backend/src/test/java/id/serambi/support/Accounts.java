package id.serambi.support;

import static io.restassured.RestAssured.given;

import io.agroal.api.AgroalDataSource;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

/** Test data through the real API and the real database: each test makes the accounts it needs. */
public final class Accounts {

    public static final String PASSWORD = "rahasia-sekali-123";

    private Accounts() {
    }

    public static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.serambi.id";
    }

    /**
     * Signs up a member (born 2008) and returns its id. Sign-up answers 202 without an id, whether or not the e-mail is
     * new, so the id comes from the database. The address stays unverified, as after a real sign-up.
     */
    public static long register(String email) {
        given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", PASSWORD, "displayName", "Pengguna Uji", "birthYear", 2008))
                .post("/api/auth/register")
                .then().statusCode(202);
        return idOf(email);
    }

    /** The id of the account with this e-mail (any case). */
    public static long idOf(String email) {
        AgroalDataSource db = io.quarkus.arc.Arc.container().instance(AgroalDataSource.class).get();
        long id = count(db, "SELECT coalesce(max(id), 0) FROM app_user WHERE lower(email) = lower(?)", email);
        if (id == 0) {
            throw new AssertionError("no account for " + email);
        }
        return id;
    }

    public static String login(String email, String password) {
        return given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", randomIp())
                .body(Map.of("email", email, "password", password))
                .post("/api/auth/login")
                .then().statusCode(200)
                .extract().jsonPath().getString("token");
    }

    /** A fresh account with the given role, logged in: returns its bearer token. */
    public static String tokenFor(AgroalDataSource db, String role) {
        String email = uniqueEmail(role.toLowerCase());
        long id = register(email);
        sql(db, "UPDATE app_user SET role = ? WHERE id = ?", role, id);
        return login(email, PASSWORD);
    }

    public static String randomIp() {
        UUID u = UUID.randomUUID();
        return "10." + Math.floorMod(u.getMostSignificantBits(), 250) + "." + Math.floorMod(u.getLeastSignificantBits(), 250)
                + "." + (1 + Math.floorMod(u.hashCode(), 250));
    }

    public static void sql(AgroalDataSource db, String sql, Object... args) {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long count(AgroalDataSource db, String sql, Object... args) {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the first row as text (null when SQL says NULL); fails the test when there is no row. */
    public static String text(AgroalDataSource db, String sql, Object... args) {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            try (var rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw new AssertionError("no row: " + sql);
                }
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
