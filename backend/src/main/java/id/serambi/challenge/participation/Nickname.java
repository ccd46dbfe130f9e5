package id.serambi.challenge.participation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A nickname on the public leaderboard: letters and digits of any script, spaces, '.', '_' and '-', starting with a
 * letter or a digit. A constraint of its own rather than a {@code @Pattern} (even a composed one), so that the OpenAPI document does
 * not carry the Java pattern: its {@code \p{L}} classes need Unicode regular expressions, which not every OpenAPI
 * tool uses (Spectral reads {@code \p} as the letter p and rejected every valid example). The schema's description
 * states the rule instead.
 */
@Constraint(validatedBy = Nickname.Validator.class)
@Documented
@Target({ ElementType.METHOD, ElementType.FIELD, ElementType.ANNOTATION_TYPE, ElementType.CONSTRUCTOR,
        ElementType.PARAMETER, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface Nickname {

    String message() default "may use letters, digits, spaces, '.', '_' and '-'";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Null is left to {@code @NotBlank}. */
    final class Validator implements ConstraintValidator<Nickname, String> {

        private static final java.util.regex.Pattern ALLOWED = java.util.regex.Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} _.-]*");

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || ALLOWED.matcher(value).matches();
        }
    }
}
