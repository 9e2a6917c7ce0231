package org.buildwithukraine.licence.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.buildwithukraine.events.TechnologyCategory;
import org.buildwithukraine.kit.validation.OneOf;

public record TechnologyRequest(
        @NotNull @Pattern(regexp = "^[A-Z]{2}(-[A-Z0-9]{1,12}){1,4}$",
                message = "must be a code like UA-FPV-7: country, then upper-case letters and digits separated by dashes")
        String code,
        @NotBlank @Size(max = 200) String name,
        @NotNull @OneOf(TechnologyCategory.class) String category,
        @NotNull @Pattern(regexp = "^ML([1-9]|1[0-9]|2[0-2])(\\.[a-z](\\.[0-9]{1,2})?)?$",
                message = "must be an entry of the EU Common Military List, ML1 to ML22, e.g. ML10 or ML10.a")
        String controlListEntry,
        @Size(max = 200) String owner) {
}
