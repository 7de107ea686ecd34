package org.lightlyjava.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The house rules of docs/architecture.md, checked on the compiled classes. */
@AnalyzeClasses(packages = "org.lightlyjava", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule onlyModelAndTrainUseDjl =
            noClasses()
                    .that()
                    .resideOutsideOfPackages("..model..", "..train..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage("ai.djl..")
                    .because("only model and train may import ai.djl");

    @ArchTest
    static final ArchRule onlyModelUsesOnnxRuntime =
            noClasses()
                    .that()
                    .resideOutsideOfPackage("..model..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage("ai.onnxruntime..")
                    .because("ONNX Runtime is one more engine behind the model's Embedder");

    @ArchTest
    static final ArchRule onlyTorchfileUnpickles =
            noClasses()
                    .that()
                    .resideOutsideOfPackage("..torchfile..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage("net.razorvine..")
                    .because("pickles are read in one place, through its allow-list");

    @ArchTest
    static final ArchRule downloadsAndFileFormatsKnowNoModel =
            noClasses()
                    .that()
                    .resideInAnyPackage("..weights..", "..torchfile..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(
                            "..model..", "..train..", "..embed..", "..magic..", "ai.djl..")
                    .because("fetching and parsing weights needs no engine");

    @ArchTest
    static final ArchRule nothingDependsOnTheCli =
            noClasses()
                    .that()
                    .resideOutsideOfPackage("org.lightlyjava.cli..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage("org.lightlyjava.cli..")
                    .because("the CLI layer only parses and prints; work lives below it");

    @ArchTest
    static final ArchRule imagePixelWorkHasNoModelOrCliDependency =
            noClasses()
                    .that()
                    .resideInAnyPackage("..image..", "..augment..", "..dataset..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(
                            "..model..", "..train..", "..embed..", "..magic..", "..cli..")
                    .because("pixels and files are the bottom layer");

    @ArchTest
    static final ArchRule packagesHaveNoCycles =
            slices().matching("org.lightlyjava.(*)..").should().beFreeOfCycles();
}
