package org.buildwithukraine.testsupport;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering every service is held to, in one place. A service applies all of it with a small test class:
 *
 * <pre>
 * &#64;AnalyzeClasses(packages = "org.buildwithukraine.factory", importOptions = ImportOption.DoNotIncludeTests.class)
 * class ArchitectureTest {
 *     &#64;ArchTest
 *     static final ArchTests service = ArchTests.in(ServiceArchitecture.class);
 * }
 * </pre>
 *
 * Packages are by domain, then role: {@code rest} (HTTP resources and their request and response types),
 * {@code messaging} (Kafka consumers), {@code service} (use cases, transactions, the outbox writers) and the
 * domain at the root of each domain package. Dependencies point inwards only: an adapter calls the service, the
 * service works on the domain. The adapters may read domain types (a response is built from an entity); nothing
 * calls an adapter.
 * <p>
 * Persistent entities are Panache active records, so the domain's entities may use the persistence mapping
 * (JPA and Hibernate mapping annotations, Panache's base class and its {@code Sort}); that is all of the
 * frameworks the domain may see. Its rules, value types and the routing engine see none at all.
 */
public final class ServiceArchitecture {

    private static final String[] ADAPTERS_AND_SERVICES = { "..rest..", "..messaging..", "..service.." };

    private static final String[] FRAMEWORKS = { "jakarta..", "javax..", "io.quarkus..", "io.smallrye..",
            "io.vertx..", "io.micrometer..", "io.opentelemetry..", "org.hibernate..", "org.eclipse.microprofile..",
            "org.jboss..", "org.apache.kafka..", "com.fasterxml.jackson.." };

    private static final String[] PERSISTENCE_MAPPING = { "jakarta.persistence..", "org.hibernate.annotations..",
            "org.hibernate.type..", "io.quarkus.hibernate.orm.panache..", "io.quarkus.panache.common.." };

    private static final DescribedPredicate<JavaClass> DOMAIN = resideOutsideOfPackages(ADAPTERS_AND_SERVICES)
            .as("are in the domain");

    private static final DescribedPredicate<JavaClass> PERSISTENT = DescribedPredicate.describe(
            "are persistent entities, their mapped superclasses or embeddables",
            type -> type.isAnnotatedWith("jakarta.persistence.Entity")
                    || type.isAnnotatedWith("jakarta.persistence.MappedSuperclass")
                    || type.isAnnotatedWith("jakarta.persistence.Embeddable"));

    @ArchTest
    public static final ArchRule LAYERS = layeredArchitecture().consideringOnlyDependenciesInLayers()
            // a service without consumers has no messaging package (factory-service)
            .withOptionalLayers(true)
            .layer("REST").definedBy("..rest..")
            .layer("Messaging").definedBy("..messaging..")
            .layer("Service").definedBy("..service..")
            .layer("Domain").definedBy(DOMAIN)
            .whereLayer("REST").mayNotBeAccessedByAnyLayer()
            .whereLayer("Messaging").mayNotBeAccessedByAnyLayer()
            .whereLayer("Service").mayOnlyBeAccessedByLayers("REST", "Messaging")
            .because("rest and messaging call the service, the service works on the domain, nothing calls back");

    @ArchTest
    public static final ArchRule MESSAGING_DOES_NOT_CALL_REST = noClasses().that().resideInAPackage("..messaging..")
            .should().dependOnClassesThat().resideInAPackage("..rest..")
            .because("an event is handled by the service, not by replaying an HTTP request")
            .allowEmptyShould(true);

    @ArchTest
    public static final ArchRule DOMAIN_SEES_ONLY_THE_PERSISTENCE_MAPPING = noClasses().that(DOMAIN)
            .should().dependOnClassesThat(resideInAnyPackage(FRAMEWORKS).and(not(resideInAnyPackage(
                    PERSISTENCE_MAPPING))).as("are framework types other than the persistence mapping"))
            .because("the domain is plain Java; only its Panache entities carry their table mapping");

    @ArchTest
    public static final ArchRule DOMAIN_RULES_SEE_NO_FRAMEWORK = noClasses()
            .that(DOMAIN.and(not(PERSISTENT)).as("are domain classes other than persistent entities"))
            .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
            .because("rules, value types and engines are unit-tested without any container");

    @ArchTest
    public static final ArchRule NO_PACKAGE_CYCLES = slices().matching("org.buildwithukraine.(**)")
            .should().beFreeOfCycles();

    private static final DescribedPredicate<JavaMethod> TAKE_A_BODY = DescribedPredicate.describe(
            "are HTTP resource methods that take a request body",
            method -> (method.isAnnotatedWith("jakarta.ws.rs.POST") || method.isAnnotatedWith("jakarta.ws.rs.PUT")
                    || method.isAnnotatedWith("jakarta.ws.rs.PATCH"))
                    && method.getParameters().stream().anyMatch(ServiceArchitecture::isBody));

    /**
     * Without {@code @Consumes}, RESTEasy reads a body of any media type it has a reader for: a request type with a
     * single String component is built from a text/plain body by its constructor, so a JSON body sent as text would
     * be taken (the raw text as its field) instead of being answered 415.
     */
    @ArchTest
    public static final ArchRule BODIES_DECLARE_THEIR_MEDIA_TYPE = methods().that(TAKE_A_BODY)
            .should(ArchCondition.from(DescribedPredicate.describe("declare the media types they take (@Consumes)",
                    method -> method.isAnnotatedWith("jakarta.ws.rs.Consumes")
                            || method.getOwner().isAnnotatedWith("jakarta.ws.rs.Consumes"))))
            .because("a body of another media type is a 415, never read as something it is not")
            .allowEmptyShould(true);

    private ServiceArchitecture() {
    }

    /** For a package that must stay plain Java through and through, entities included (the routing engine). */
    public static ArchRule seesNoFramework(String packagePattern) {
        return noClasses().that().resideInAPackage(packagePattern)
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .because(packagePattern + " is plain Java, unit-tested without any container");
    }

    /** A parameter bound to no part of the request by a JAX-RS annotation (path, query, header, context...). */
    private static boolean isBody(JavaParameter parameter) {
        return parameter.getAnnotations().stream().map(annotation -> annotation.getRawType().getPackageName())
                .noneMatch(name -> name.startsWith("jakarta.ws.rs") || name.startsWith("org.jboss.resteasy.reactive"));
    }
}
