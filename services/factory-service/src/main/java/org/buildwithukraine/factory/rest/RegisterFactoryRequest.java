package org.buildwithukraine.factory.rest;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.buildwithukraine.events.TechnologyCategory;
import org.buildwithukraine.events.factory.FactoryKind;
import org.buildwithukraine.kit.validation.IsoCountry;
import org.buildwithukraine.kit.validation.OneOf;

public record RegisterFactoryRequest(
        @NotNull @Pattern(regexp = FactoryIds.SLUG, message = FactoryIds.SLUG_MESSAGE) String id,
        @NotBlank @Size(max = 200) String name,
        @NotNull @IsoCountry String country,
        @NotNull @OneOf(FactoryKind.class) String kind,
        @Size(max = 20) List<@NotNull @OneOf(TechnologyCategory.class) String> capabilities) {
}
