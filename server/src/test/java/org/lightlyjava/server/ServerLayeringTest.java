package org.lightlyjava.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The server's house rules, checked on the compiled classes. */
@AnalyzeClasses(
        packages = "org.lightlyjava.server",
        importOptions = ImportOption.DoNotIncludeTests.class)
class ServerLayeringTest {

    @ArchTest
    static final ArchRule onlyTheDatasourcePackageUsesTheAwsSdk =
            noClasses()
                    .that()
                    .resideOutsideOfPackage("org.lightlyjava.server.datasource..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage("software.amazon.awssdk..")
                    .because("only the datasource code imports the AWS SDK");

    @ArchTest
    static final ArchRule onlyHttpUsesJavalin =
            noClasses()
                    .that()
                    .resideOutsideOfPackage("org.lightlyjava.server.http..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage("io.javalin..", "org.eclipse.jetty..")
                    .because("http is the only package that knows the web framework");

    @ArchTest
    static final ArchRule datasourcesDoNotKnowTheServices =
            noClasses()
                    .that()
                    .resideInAPackage("org.lightlyjava.server.datasource..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(
                            "org.lightlyjava.server.service..", "org.lightlyjava.server.http..")
                    .because("services use datasources, not the other way round");
}
