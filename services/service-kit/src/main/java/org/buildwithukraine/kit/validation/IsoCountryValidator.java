package org.buildwithukraine.kit.validation;

import java.util.Locale;
import java.util.Set;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

public class IsoCountryValidator implements ConstraintValidator<IsoCountry, String> {

    private static final Set<String> CODES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

    public static boolean isIsoCountry(String code) {
        return code != null && CODES.contains(code);
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || isIsoCountry(value);
    }
}
