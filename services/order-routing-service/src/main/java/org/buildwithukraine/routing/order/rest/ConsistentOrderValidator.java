package org.buildwithukraine.routing.order.rest;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import org.buildwithukraine.events.order.CustomerClass;

/** A bean, so that "today" comes from the service's clock. */
@ApplicationScoped
public class ConsistentOrderValidator implements ConstraintValidator<ConsistentOrder, PlaceOrderRequest> {

    private final Clock clock;

    public ConsistentOrderValidator(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean isValid(PlaceOrderRequest order, ConstraintValidatorContext context) {
        if (order == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        boolean valid = true;
        if (order.neededBy() != null && order.neededBy().isBefore(LocalDate.now(clock.withZone(ZoneOffset.UTC)))) {
            valid = violation(context, "neededBy", "must not be in the past");
        }
        boolean known = Arrays.stream(CustomerClass.values()).anyMatch(c -> c.name().equals(order.customerClass()));
        if (!known) {
            // the class itself is reported as invalid; what it would require cannot be judged
            return valid;
        }
        boolean export = CustomerClass.EXPORT.name().equals(order.customerClass());
        if (export && order.destinationCountry() == null) {
            valid = violation(context, "destinationCountry", "is required for an EXPORT order");
        }
        if (export && (order.exportCentreId() == null || order.exportCentreId().isBlank())) {
            valid = violation(context, "exportCentreId", "is required for an EXPORT order");
        }
        if (!export && order.destinationCountry() != null) {
            valid = violation(context, "destinationCountry", "is for EXPORT orders only");
        }
        if (!export && order.exportCentreId() != null) {
            valid = violation(context, "exportCentreId", "is for EXPORT orders only");
        }
        return valid;
    }

    private static boolean violation(ConstraintValidatorContext context, String field, String message) {
        context.buildConstraintViolationWithTemplate(message).addPropertyNode(field).addConstraintViolation();
        return false;
    }
}
