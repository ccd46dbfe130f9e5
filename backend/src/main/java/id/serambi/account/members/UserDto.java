package id.serambi.account.members;

import id.serambi.account.Role;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An account as its owner and admins see it. Never in a public response. */
@Schema(name = "User", requiredProperties = { "id", "email", "displayName", "birthYear", "role", "createdAt", "guardianConsentPending",
        "emailVerified" })
public record UserDto(
        @Schema(examples = "42") long id,
        @Schema(examples = "sari@example.id") String email,
        @Schema(examples = "Sari Rahmawati") String displayName,
        @Schema(examples = "2010") int birthYear,
        @Schema(examples = "MEMBER") Role role,
        @Schema(examples = "2026-11-23T09:00:00.000Z") Instant createdAt,
        @Schema(description = "True for an under-13 whose guardian has not confirmed yet") boolean guardianConsentPending,
        @Schema(description = "True once the owner followed the verification link sent to the address") boolean emailVerified) {

    public static UserDto of(User user) {
        return new UserDto(user.id, user.email, user.displayName, user.birthYear, user.role, user.createdAt,
                user.needsGuardianConsent(java.time.Year.now().getValue()), user.emailVerified());
    }
}
