package id.serambi.account.members;

import id.serambi.account.Role;

import id.serambi.common.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** An account: staff, reviewer, admin, or a member (patron or teen). Never leaves the server as is: see {@link UserDto}. */
@Entity
@Table(name = "app_user")
public class User extends Timestamps {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String email;

    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(name = "birth_year", nullable = false)
    public int birthYear;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Role role = Role.MEMBER;



    /** For members under 13: the guardian who must consent, and when they did. */
    @Column(name = "guardian_email")
    public String guardianEmail;

    @Column(name = "guardian_consent_at")
    public Instant guardianConsentAt;

    @Column(name = "guardian_token_hash")
    public String guardianTokenHash;

    /** Bumped by the database on every role or password change and by "log out everywhere" (migration V40). */
    @Column(name = "token_version", insertable = false, updatable = false)
    public int tokenVersion;

    /**
     * The latest birth year under 13 this account ever had: consent stays required until a child born then turns 13,
     * whatever birth year the account claims later. Null when it never was under 13.
     */
    @Column(name = "guardian_required_birth_year")
    public Integer guardianRequiredBirthYear;

    /** When the owner proved the e-mail address is theirs (followed the link); null until then. */
    @Column(name = "email_verified_at")
    public Instant emailVerifiedAt;

    /** The open verification link's token hash and expiry, and when the last link went out. */
    @Column(name = "email_verification_hash")
    public String emailVerificationHash;

    @Column(name = "email_verification_expires_at")
    public Instant emailVerificationExpiresAt;

    @Column(name = "email_verification_sent_at")
    public Instant emailVerificationSentAt;

    @Version
    public int version;

    /** Age reached this year; a birth year is all Serambi keeps. */
    public int ageIn(int year) {
        return year - birthYear;
    }

    /**
     * Under-13s may take part only once a guardian has consented. The requirement sticks: once the account was under 13,
     * a later, older birth year does not lift it; only the guardian's consent, or the years passing, do.
     */
    public boolean needsGuardianConsent(int year) {
        boolean required = ageIn(year) < 13 || guardianRequiredBirthYear != null && year - guardianRequiredBirthYear < 13;
        return required && guardianConsentAt == null;
    }

    /** Records that the account is (now) under 13: the requirement never moves to an older birth year. */
    void requireGuardianFor(int birthYear) {
        if (guardianRequiredBirthYear == null || birthYear > guardianRequiredBirthYear) {
            guardianRequiredBirthYear = birthYear;
        }
    }

    public boolean emailVerified() {
        return emailVerifiedAt != null;
    }


}
