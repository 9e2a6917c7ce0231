package org.buildwithukraine.routing.order.rest;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * The fields of an order agree with each other and with today: needed-by not in the past; destination and export
 * centre given for an EXPORT order and for no other. Each violation names its field, alongside every other invalid
 * field of the request.
 */
@Documented
@Constraint(validatedBy = ConsistentOrderValidator.class)
@Target(TYPE)
@Retention(RUNTIME)
public @interface ConsistentOrder {

    String message() default "inconsistent order";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
