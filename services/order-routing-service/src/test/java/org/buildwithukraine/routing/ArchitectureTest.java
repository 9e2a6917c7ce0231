package org.buildwithukraine.routing;

import org.buildwithukraine.testsupport.ServiceArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.buildwithukraine.routing", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests SERVICE = ArchTests.in(ServiceArchitecture.class);

    @ArchTest
    static final ArchRule ENGINE = ServiceArchitecture.seesNoFramework("..routing.engine..");
}
