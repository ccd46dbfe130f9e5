package id.serambi.event.registration;

import id.serambi.common.RefCodes;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A patron's registration; no account needed. */
@Schema(name = "RegistrationRequest")
public record RegistrationRequest(
        @NotBlank @Size(max = 120) @Schema(examples = "Siti Nurhaliza") String name,
        @NotBlank @Email @Size(max = 254) @Schema(examples = "siti@example.id") String email,
        @Size(max = 32) @Schema(description = "Optional WhatsApp number: international (+62 812 3456 7890) or Indonesian "
                + "(0812-3456-7890); stored as E.164", examples = "+6281234567890") String whatsapp,
        @Schema(description = "Optional, for statistics", examples = "ADULT") AgeGroup ageGroup,
        @Schema(nullable = true, description = "The patron's explicit consent (the form's checkbox) to get the "
                + "confirmation, reminders, a waitlist promotion and a cancellation of this registration on WhatsApp "
                + "at the number given instead of by e-mail. Optional; without it everything goes by e-mail. Stops "
                + "when the number replies BERHENTI or the manage page switches it off", examples = "true")
        Boolean whatsappOptIn,
        @Pattern(regexp = "id|en", message = "must be id or en")
        @Schema(nullable = true, description = "The language of the WhatsApp messages: id (default) or en",
                examples = "id") String language,
        @Pattern(regexp = RefCodes.REGEX, message = RefCodes.MESSAGE)
        @Schema(nullable = true, description = "Optional: the code of the tracked link that brought the patron (the "
                + "?ref= of /acara/{id}, issue 22). Only the code is kept, with the registration, for the campaign "
                + "funnel; erasing the registration's data erases it too. A well-formed code that matches no link is "
                + "kept and counts for nothing", examples = "k7m2q9xw4p") String ref) {

    /** Phones add stray spaces (autocomplete ends an e-mail with one): they are not the patron's mistake. */
    public RegistrationRequest {
        name = name == null ? null : name.strip();
        email = email == null ? null : email.strip();
    }

    /** The four fields of a registration without WhatsApp messages. */
    public RegistrationRequest(String name, String email, String whatsapp, AgeGroup ageGroup) {
        this(name, email, whatsapp, ageGroup, null, null, null);
    }

    /** Whether the patron ticked the WhatsApp checkbox. */
    public boolean wantsWhatsapp() {
        return Boolean.TRUE.equals(whatsappOptIn);
    }
}
