package org.memvirt;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layer rules of DESIGN.md, kept by the build: the engine and the lesson model never see
 * JavaFX, ViewModels never see scene-graph classes, only the app wires things together, and the
 * engine depends on nothing above it. Rules allow an empty selection, so a layer that does not
 * exist yet does not fail the build.
 */
@AnalyzeClasses(packages = "org.memvirt", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule engineImportsNoJavaFx = noClasses()
            .that().resideInAPackage("org.memvirt.engine..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("the engine runs headless and in counting mode without a toolkit")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule lessonImportsNoJavaFx = noClasses()
            .that().resideInAPackage("org.memvirt.lesson..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("lessons are checked and played by the headless command line")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule viewModelsImportNoSceneGraph = noClasses()
            .that().resideInAPackage("org.memvirt.viewmodel..")
            .should().dependOnClassesThat().resideInAPackage("javafx.scene..")
            .because("ViewModels are tested without the toolkit; javafx.scene lives only in the view")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule onlyTheAppDependsOnTheApp = noClasses()
            .that().resideOutsideOfPackage("org.memvirt.app..")
            .should().dependOnClassesThat().resideInAPackage("org.memvirt.app..")
            .because("org.memvirt.app is the top layer: wiring, launcher, command line")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule engineDependsOnNothingAboveIt = noClasses()
            .that().resideInAPackage("org.memvirt.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("org.memvirt.lesson..", "org.memvirt.viewmodel..",
                    "org.memvirt.view..", "org.memvirt.app..")
            .because("dependency arrows point down only")
            .allowEmptyShould(true);
}
