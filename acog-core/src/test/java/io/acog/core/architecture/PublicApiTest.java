package io.acog.core.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import io.acog.core.Acog;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What acog-core shows other modules: only its API packages, and in their signatures only ACOG's
 * own types and the JDK's (and the SPI's), never jOOQ's, the generated schema classes or
 * Jackson's, except in the one interop package {@code io.acog.core.jooq}.
 */
class PublicApiTest {

    private static final Set<String> API = Set.of(
            "io.acog.core",
            "io.acog.core.asset",
            "io.acog.core.channel",
            "io.acog.core.episode",
            "io.acog.core.job",
            "io.acog.core.jooq",
            "io.acog.core.maintenance",
            "io.acog.core.pipeline",
            "io.acog.core.pulse");
    private static final String INTEROP = "io.acog.core.jooq";
    private static final List<String> FOREIGN = List.of("org.jooq.", "io.acog.jooq.generated.", "com.fasterxml.");
    private static final Path CLASSES = Path.of("target/classes");

    @Test
    void theModuleExportsTheApiPackagesOnly() {
        ModuleDescriptor module = Acog.class.getModule().getDescriptor();

        assertThat(module).as("acog-core runs as a module in its tests").isNotNull();
        assertThat(module.name()).isEqualTo("io.acog.core");
        assertThat(module.exports()).allMatch(exports -> !exports.isQualified());
        assertThat(module.exports().stream().map(ModuleDescriptor.Exports::source))
                .containsExactlyInAnyOrderElementsOf(API);
    }

    @Test
    void apiSignaturesNameNoPersistenceOrJsonType() throws Exception {
        List<String> found = new ArrayList<>();
        for (Class<?> type : apiTypes()) {
            if (type.getPackageName().equals(INTEROP)) {
                continue;
            }
            check(type.getName() + " extends", type.getGenericSuperclass(), found);
            for (Type parent : type.getGenericInterfaces()) {
                check(type.getName() + " implements", parent, found);
            }
            annotations(type.getName(), type, found);
            for (Field field : type.getDeclaredFields()) {
                if (visible(field.getModifiers())) {
                    check(type.getName() + "." + field.getName(), field.getGenericType(), found);
                    annotations(type.getName() + "." + field.getName(), field, found);
                }
            }
            if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    check(type.getName() + "." + component.getName(), component.getGenericType(), found);
                    annotations(type.getName() + "." + component.getName(), component, found);
                }
            }
            for (Method method : type.getDeclaredMethods()) {
                if (visible(method.getModifiers()) && !method.isSynthetic()) {
                    executable(type.getName() + "." + method.getName(), method, found);
                    check(type.getName() + "." + method.getName() + " returns", method.getGenericReturnType(), found);
                }
            }
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                if (visible(constructor.getModifiers())) {
                    executable(type.getName() + ".<init>", constructor, found);
                }
            }
        }
        assertThat(found).as("foreign types in exported signatures").isEmpty();
    }

    @Test
    void theInteropPackageIsTheOnePlaceThatNamesJooq() throws Exception {
        List<String> found = new ArrayList<>();
        for (Class<?> type : apiTypes()) {
            if (type.getPackageName().equals(INTEROP)) {
                for (Method method : type.getDeclaredMethods()) {
                    executable(type.getName() + "." + method.getName(), method, found);
                }
            }
        }
        // proves the scan sees what it looks for: the interop entry takes a DSLContext
        assertThat(found).anyMatch(problem -> problem.contains("org.jooq.DSLContext"));
    }

    @Test
    void noInternalClassIsOverFiveHundredLines() throws IOException {
        Path internal = Path.of("src/main/java/io/acog/core/internal");
        List<String> long_ = new ArrayList<>();
        try (Stream<Path> files = Files.walk(internal)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                long lines;
                try (Stream<String> text = Files.lines(file)) {
                    lines = text.count();
                }
                if (lines > 500) {
                    long_.add(internal.relativize(file) + ": " + lines + " lines");
                }
            }
        }
        assertThat(long_).isEmpty();
    }

    private static void executable(String where, Executable executable, List<String> found) {
        for (Parameter parameter : executable.getParameters()) {
            check(where + "(" + parameter.getName() + ")", parameter.getParameterizedType(), found);
            annotations(where + "(" + parameter.getName() + ")", parameter, found);
        }
        for (Type thrown : executable.getGenericExceptionTypes()) {
            check(where + " throws", thrown, found);
        }
        for (TypeVariable<?> variable : executable.getTypeParameters()) {
            for (Type bound : variable.getBounds()) {
                check(where + " <" + variable.getName() + ">", bound, found);
            }
        }
        annotations(where, executable, found);
    }

    private static void annotations(String where, AnnotatedElement element, List<String> found) {
        for (Annotation annotation : element.getAnnotations()) {
            check(where + " @", annotation.annotationType(), found);
        }
    }

    private static void check(String where, Type type, List<String> found) {
        if (type == null) {
            return;
        }
        if (type instanceof Class<?> raw) {
            Class<?> named = raw;
            while (named.isArray()) {
                named = named.getComponentType();
            }
            for (String foreign : FOREIGN) {
                if (named.getName().startsWith(foreign)) {
                    found.add(where + ": " + named.getName());
                }
            }
        } else if (type instanceof ParameterizedType parameterized) {
            check(where, parameterized.getRawType(), found);
            for (Type argument : parameterized.getActualTypeArguments()) {
                check(where, argument, found);
            }
        } else if (type instanceof WildcardType wildcard) {
            Stream.concat(Stream.of(wildcard.getUpperBounds()), Stream.of(wildcard.getLowerBounds()))
                    .forEach(bound -> check(where, bound, found));
        } else if (type instanceof GenericArrayType array) {
            check(where, array.getGenericComponentType(), found);
        } else if (type instanceof TypeVariable<?> variable) {
            for (Type bound : variable.getBounds()) {
                if (bound != Object.class) {
                    check(where, bound, found);
                }
            }
        }
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    /** The public types (nested ones too) of the exported packages, from the compiled classes. */
    private static List<Class<?>> apiTypes() throws IOException, ClassNotFoundException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(CLASSES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name =
                        CLASSES.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                String pkg = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : "";
                if (API.contains(pkg) && !name.endsWith("package-info")) {
                    names.add(name);
                }
            }
        }
        List<Class<?>> types = new ArrayList<>();
        for (String name : names) {
            Class<?> type = Class.forName(name, false, PublicApiTest.class.getClassLoader());
            if (Modifier.isPublic(type.getModifiers())
                    && !type.isAnonymousClass()
                    && !type.isSynthetic()
                    && enclosingPublic(type)) {
                types.add(type);
            }
        }
        assertThat(types.stream().map(Class::getSimpleName).collect(Collectors.toSet()))
                .as("the scan finds the API")
                .contains("Acog", "EpisodePipeline", "JobTracker");
        return types;
    }

    private static boolean enclosingPublic(Class<?> type) {
        for (Class<?> outer = type.getEnclosingClass(); outer != null; outer = outer.getEnclosingClass()) {
            if (!Modifier.isPublic(outer.getModifiers())) {
                return false;
            }
        }
        return true;
    }
}
