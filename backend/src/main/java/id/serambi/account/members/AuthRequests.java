package id.serambi.account.members;

import id.serambi.account.Role;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request and response bodies of the account endpoints. */
public final class AuthRequests {

    private AuthRequests() {
    }

    @Schema(name = "RegisterRequest")
    public record Register(
            @NotBlank @Email @Size(max = 254) @Schema(examples = "sari@example.id") String email,
            @NotNull @Size(min = 10, max = 200) @Schema(description = "At least 10 characters", examples = "buku-itu-jendela")
            String password,
            @NotBlank @Size(max = 80) @Schema(examples = "Sari Rahmawati") String displayName,
            @NotNull @Min(1900) @Max(2100) @Schema(description = "Year of birth; teens' ages are never public", examples = "2010")
            Integer birthYear,
            @Email @Size(max = 254)
            @Schema(description = "Required for members under 13: a parent or guardian, who must confirm by e-mail before the child joins a challenge",
                    examples = "ibu.sari@example.id") String guardianEmail) {
    }

    @Schema(name = "SignUpResponse", requiredProperties = { "email", "verificationSent" },
            description = "The same for a new and an already registered e-mail: the address's owner gets an e-mail either way")
    public record SignUp(
            @Schema(examples = "sari@example.id") String email,
            @Schema(description = "Always true: an e-mail went to the address (a verification link for a new account)")
            boolean verificationSent) {
    }

    @Schema(name = "LoginRequest")
    public record Login(
            @NotBlank @Size(max = 254) @Schema(examples = "sari@example.id") String email,
            @NotBlank @Size(max = 200) @Schema(examples = "buku-itu-jendela") String password) {
    }

    @Schema(name = "LoginResponse", requiredProperties = { "token", "expiresAt" })
    public record Token(
            @Schema(description = "RS256-signed JWT, sent as 'Authorization: Bearer <token>'") String token,
            @Schema(examples = "2026-11-23T17:00:00.000Z") Instant expiresAt) {
    }

    @Schema(name = "UpdateMeRequest", description = "Only the fields present are changed. A new password needs the current one.")
    public record UpdateMe(
            @Size(min = 1, max = 80) @Pattern(regexp = ".*\\S.*", message = "must not be blank")
            @Schema(examples = "Sari R.") String displayName,
            @Min(1900) @Max(2100) @Schema(examples = "2010") Integer birthYear,
            @Size(max = 200) String currentPassword,
            @Size(min = 10, max = 200) String newPassword,
            @Email @Size(max = 254)
            @Schema(description = "A parent or guardian to ask for consent: required when the birth year becomes one under 13 "
                    + "and no guardian is known; allowed while a guardian's consent is pending", examples = "ibu.sari@example.id")
            String guardianEmail) {
    }

    @Schema(name = "RoleChangeRequest")
    public record RoleChange(@NotNull @Schema(examples = "STAFF") Role role) {
    }
}
