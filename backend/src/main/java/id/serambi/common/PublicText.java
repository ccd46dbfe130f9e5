package id.serambi.common;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Text that the public sees (a nickname or school on the leaderboard, a live Q&A question and its display name, a
 * review a teen shares): it may carry no phone number, e-mail address, URL, birth year or age, nor a bidi, zero-width
 * or control character that could disguise it. Each refusal says which, in the caller's language
 * (ValidationMessages, Accept-Language). A null value is valid: combine with {@code @NotBlank} where it is required.
 */
@Documented
@Constraint(validatedBy = PublicTextValidator.class)
@Target({ FIELD, METHOD, PARAMETER, RECORD_COMPONENT, TYPE_USE })
@Retention(RUNTIME)
public @interface PublicText {

    String message() default "{id.serambi.common.PublicText.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /**
     * Prose (a question, a review) may name a year ("terbitan 1998") and hold line breaks; a name, nickname or school
     * may not name any year from 1900 to this year.
     */
    boolean prose() default false;
}
