package org.buildwithukraine.licence;

import org.buildwithukraine.testsupport.ServiceArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;

@AnalyzeClasses(packages = "org.buildwithukraine.licence", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests SERVICE = ArchTests.in(ServiceArchitecture.class);
}
