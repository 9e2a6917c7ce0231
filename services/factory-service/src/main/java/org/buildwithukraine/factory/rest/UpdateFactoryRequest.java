package org.buildwithukraine.factory.rest;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.buildwithukraine.events.TechnologyCategory;
import org.buildwithukraine.kit.validation.OneOf;

/** Fields left out stay as they are. */
public record UpdateFactoryRequest(
        @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
        @Size(max = 20) List<@NotNull @OneOf(TechnologyCategory.class) String> capabilities) {
}
