package io.acog.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code acog-bom} pins every module ACOG publishes, and nothing else: a module added to the
 * reactor and published must be added to the BOM too, or a host importing it gets a gap. It has no
 * parent, so importing it brings none of ACOG's third-party versions.
 */
class BomTest {

    /** The reactor's root, from this module's directory, where surefire runs the tests. */
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void theBomPinsEveryPublishedModuleAndOnlyThem() throws Exception {
        List<String> published = new ArrayList<>();
        for (String module : texts(pom(ROOT.resolve("pom.xml")), "module")) {
            Document pom = pom(ROOT.resolve(module).resolve("pom.xml"));
            boolean skipsDeploy = texts(pom, "maven.deploy.skip").contains("true");
            if (!module.equals("acog-bom") && !skipsDeploy) {
                published.add(texts(pom, "artifactId").get(1)); // the first is the parent's
            }
        }
        Document bom = pom(ROOT.resolve("acog-bom").resolve("pom.xml"));

        assertThat(published).contains("acog-core", "acog-providers-heygen", "acog-testkit");
        assertThat(texts(bom, "artifactId").subList(1, texts(bom, "artifactId").size()))
                .as("the modules acog-bom pins")
                .containsExactlyInAnyOrderElementsOf(published);
        assertThat(bom.getElementsByTagName("parent").getLength())
                .as("acog-bom's parent")
                .isZero();
        assertThat(texts(bom, "version").subList(1, texts(bom, "version").size()))
                .as("the modules' versions")
                .containsOnly("${project.version}");
    }

    private static Document pom(Path file) throws Exception {
        assertThat(file).exists();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try (var in = Files.newInputStream(file)) {
            return factory.newDocumentBuilder().parse(in);
        }
    }

    private static List<String> texts(Document document, String tag) {
        NodeList nodes = document.getElementsByTagName(tag);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(((Element) nodes.item(i)).getTextContent().trim());
        }
        return texts;
    }
}
