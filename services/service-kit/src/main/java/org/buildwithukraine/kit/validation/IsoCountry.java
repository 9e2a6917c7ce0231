package org.buildwithukraine.kit.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/** An ISO 3166-1 alpha-2 country code in upper case, e.g. {@code DE}. Null is valid (use @NotNull). */
@Documented
@Constraint(validatedBy = IsoCountryValidator.class)
@Target({ FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE })
@Retention(RUNTIME)
public @interface IsoCountry {

    String message() default "must be an ISO 3166-1 alpha-2 country code, e.g. DE";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
