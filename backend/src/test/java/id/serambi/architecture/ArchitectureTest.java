package id.serambi.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The house rules of the README's "Architecture" section, held by a test. When a rule gets in the way, change it here,
 * in the open, with the reason beside it.
 *
 * <ul>
 * <li>A feature is a top-level package (account, event, challenge, campaign, privacy, demo); {@code common} is what two
 * features share and knows no feature.</li>
 * <li>A feature reaches another only through the classes in that feature's root package (its published interface:
 * {@code Events}, {@code Challenges}, ...). Everything else lives in a capability sub-package and is private to the
 * feature.</li>
 * <li>Layers: a resource maps HTTP to a service call and a DTO; a service owns the transaction and the rules and returns
 * DTOs or records, never entities; a repository owns every query, raw SQL included.</li>
 * </ul>
 */
class ArchitectureTest {

    private static final String ROOT = "id.serambi";
    private static final List<String> FEATURES = List.of("account", "event", "challenge", "campaign", "social", "media", "notification",
            "conversation", "privacy", "demo", "assistant", "survey");
    /** Features split into capability sub-packages; their root package holds only the published interface. */
    private static final List<String> SPLIT_FEATURES = List.of("account", "event", "challenge", "campaign", "social", "media",
            "notification", "conversation", "assistant", "survey");

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void featuresFormNoCycle() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void capabilitiesWithinAFeatureFormNoCycle() {
        for (String feature : SPLIT_FEATURES) {
            slices().matching(ROOT + "." + feature + ".(*)..").should().beFreeOfCycles().allowEmptyShould(true)
                    .as("the capabilities of " + feature + " form no cycle").check(CLASSES);
        }
    }

    @Test
    void commonKnowsNoFeature() {
        noClasses().that().resideInAPackage(ROOT + ".common..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        FEATURES.stream().map(f -> ROOT + "." + f + "..").toArray(String[]::new))
                .check(CLASSES);
    }

    @Test
    void aFeatureUsesAnotherOnlyThroughItsPublishedInterface() {
        classes().that().resideInAPackage(ROOT + "..").should(useOtherFeaturesOnlyThroughTheirRoot()).check(CLASSES);
    }

    @Test
    void aPublishedInterfaceHoldsNoEntityResourceOrRepository() {
        for (String feature : SPLIT_FEATURES) {
            noClasses().that().resideInAPackage(ROOT + "." + feature)
                    .should().beAnnotatedWith(Entity.class)
                    .orShould().beAnnotatedWith(Path.class)
                    .orShould().haveSimpleNameEndingWith("Repository")
                    .orShould().haveSimpleNameEndingWith("Resource")
                    .as("the root package of " + feature + " is its published interface only")
                    .allowEmptyShould(true).check(CLASSES);
        }
    }

    @Test
    void resourcesNeverTouchEntitiesRepositoriesOrTheSession() {
        noClasses().that().areAnnotatedWith(Path.class)
                .should().dependOnClassesThat().areAnnotatedWith(Entity.class)
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .orShould().dependOnClassesThat().resideInAnyPackage("org.hibernate.reactive..", "io.vertx.mutiny.sqlclient..",
                        "io.vertx.mutiny.pgclient..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.quarkus.hibernate.reactive.panache.Panache")
                .check(CLASSES);
    }

    @Test
    void onlyRepositoriesQuery() {
        noClasses().that().haveSimpleNameNotEndingWith("Repository")
                .and().areNotAnnotatedWith(Entity.class)
                .and().resideOutsideOfPackage(ROOT + ".common..")
                .should().callMethod(io.quarkus.hibernate.reactive.panache.Panache.class, "getSession")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.hibernate.reactive.mutiny.Mutiny$Session")
                .orShould().dependOnClassesThat().resideInAnyPackage("io.vertx.mutiny.sqlclient..", "io.vertx.mutiny.pgclient..")
                .orShould().callMethodWhere(aPanacheQueryOrWrite())
                .as("only repositories query (common's infrastructure aside)")
                .check(CLASSES);
    }

    @Test
    void servicesReturnNoEntities() {
        methods().that().areDeclaredInClassesThat().haveSimpleNameEndingWith("Service")
                .and().arePublic()
                .should(notExposeAnEntity())
                .check(CLASSES);
    }

    @Test
    void servicesHaveNoStaticFinders() {
        methods().that().areDeclaredInClassesThat().haveSimpleNameEndingWith("Service")
                .and().arePublic()
                .and().haveRawReturnType(io.smallrye.mutiny.Uni.class)
                .should().notHaveModifier(JavaModifier.STATIC)
                .check(CLASSES);
    }

    private static String featureOf(JavaClass c) {
        String pkg = c.getPackageName();
        if (!pkg.startsWith(ROOT + ".")) {
            return null;
        }
        String rest = pkg.substring(ROOT.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static ArchCondition<JavaClass> useOtherFeaturesOnlyThroughTheirRoot() {
        return new ArchCondition<>("use other features only through their root package") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String from = featureOf(origin);
                for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = d.getTargetClass();
                    String to = featureOf(target);
                    if (to == null || to.equals(from) || to.equals("common") || !FEATURES.contains(to)) {
                        continue;
                    }
                    String published = ROOT + "." + to;
                    if (!target.getPackageName().equals(published)) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()
                                + " reaches past " + published + "'s published interface"));
                    }
                }
            }
        };
    }

    private static final Set<String> PANACHE_METHODS = Set.of("find", "findById", "findAll", "list", "listAll", "count",
            "persist", "persistAndFlush", "delete", "deleteById", "deleteAll", "update", "stream", "streamAll",
            "findByIdWithLock", "getSession", "flush", "isPersistent");

    private static DescribedPredicate<JavaMethodCall> aPanacheQueryOrWrite() {
        return new DescribedPredicate<>("a Panache query or write on an entity") {
            @Override
            public boolean test(JavaMethodCall call) {
                return call.getTargetOwner().isAssignableTo(PanacheEntityBase.class)
                        && PANACHE_METHODS.contains(call.getName());
            }
        };
    }

    private static ArchCondition<JavaMethod> notExposeAnEntity() {
        return new ArchCondition<>("return DTOs or records, never entities") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                for (JavaClass involved : method.getReturnType().getAllInvolvedRawTypes()) {
                    if (involved.isAnnotatedWith(Entity.class)) {
                        events.add(SimpleConditionEvent.violated(method, method.getFullName() + " returns the entity "
                                + involved.getSimpleName()));
                    }
                }
            }
        };
    }
}
