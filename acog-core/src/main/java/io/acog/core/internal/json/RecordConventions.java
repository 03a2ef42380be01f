package io.acog.core.internal.json;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.PropertyName;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedField;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.AnnotatedMethod;
import com.fasterxml.jackson.databind.introspect.AnnotatedParameter;
import com.fasterxml.jackson.databind.introspect.AnnotatedWithParams;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import java.lang.reflect.RecordComponent;
import java.util.Map;

/**
 * How ACOG's JSON records bind, without Jackson annotations on the public types: a record's
 * {@code extra} component ({@code Map<String, Object>}) takes every key the record does not name
 * and writes them back at the same level, and the few keys that are not the snake_case form of a
 * component name ({@code do}, {@code dont}: Java keywords) are renamed here, and records the seed
 * also stores as a bare string (a plan section as its title) read from one. Applies to records of
 * {@code io.acog} packages only; anything else binds as Jackson's defaults say.
 */
final class RecordConventions extends JacksonAnnotationIntrospector {

    private static final long serialVersionUID = 1L;

    /** The component that holds unknown keys. */
    static final String EXTRA = "extra";

    /** JSON keys that differ from the snake_case form of their component: record → component → key. */
    private static final Map<String, Map<String, String>> RENAMED =
            Map.of("io.acog.core.channel.StyleGuide$Rules", Map.of("dos", "do", "donts", "dont"));

    /**
     * A record's JSON is its components: a method that only looks like a getter ({@code
     * EpisodePlan.isEmpty()}) is not written as a key of its own.
     */
    @Override
    public boolean hasIgnoreMarker(AnnotatedMember member) {
        if (member instanceof AnnotatedMethod method
                && method.getParameterCount() == 0
                && method.getDeclaringClass().isRecord()
                && ours(method.getDeclaringClass())
                && java.util.Arrays.stream(method.getDeclaringClass().getRecordComponents())
                        .noneMatch(component -> component.getName().equals(method.getName()))) {
            return true;
        }
        return super.hasIgnoreMarker(member);
    }

    @Override
    public Boolean hasAnyGetter(Annotated member) {
        if (member instanceof AnnotatedMethod method
                && method.getParameterCount() == 0
                && EXTRA.equals(method.getName())
                && ours(method.getDeclaringClass())
                && Map.class.isAssignableFrom(method.getRawReturnType())) {
            return Boolean.TRUE;
        }
        return super.hasAnyGetter(member);
    }

    @Override
    public Boolean hasAnySetter(Annotated member) {
        if (member instanceof AnnotatedField field
                && EXTRA.equals(field.getName())
                && ours(field.getDeclaringClass())) {
            return Boolean.TRUE;
        }
        if (member instanceof AnnotatedParameter parameter && EXTRA.equals(componentName(parameter))) {
            return Boolean.TRUE;
        }
        return super.hasAnySetter(member);
    }

    /**
     * Static factories that read a record from a bare JSON string, for shapes the seed stores
     * either way: record → factory.
     */
    private static final Map<String, String> FROM_STRING = Map.of("io.acog.core.episode.EpisodePlan$Section", "titled");

    @Override
    public JsonCreator.Mode findCreatorAnnotation(MapperConfig<?> config, Annotated member) {
        if (member instanceof AnnotatedMethod method
                && method.getParameterCount() == 1
                && method.getRawParameterType(0) == String.class
                && method.getName()
                        .equals(FROM_STRING.get(method.getDeclaringClass().getName()))) {
            return JsonCreator.Mode.DELEGATING;
        }
        return super.findCreatorAnnotation(config, member);
    }

    @Override
    public PropertyName findNameForSerialization(Annotated member) {
        String renamed = renamed(member);
        return renamed != null ? PropertyName.construct(renamed) : super.findNameForSerialization(member);
    }

    @Override
    public PropertyName findNameForDeserialization(Annotated member) {
        String renamed = renamed(member);
        return renamed != null ? PropertyName.construct(renamed) : super.findNameForDeserialization(member);
    }

    private static String renamed(Annotated member) {
        Class<?> owner;
        String name;
        if (member instanceof AnnotatedParameter parameter) {
            owner = parameter.getDeclaringClass();
            name = componentName(parameter);
        } else if (member instanceof AnnotatedMethod method && method.getParameterCount() == 0) {
            owner = method.getDeclaringClass();
            name = method.getName();
        } else if (member instanceof AnnotatedField field) {
            owner = field.getDeclaringClass();
            name = field.getName();
        } else {
            return null;
        }
        Map<String, String> renames = RENAMED.get(owner.getName());
        return renames == null || name == null ? null : renames.get(name);
    }

    /** The record component a canonical constructor's parameter binds, if it is one. */
    private static String componentName(AnnotatedParameter parameter) {
        Class<?> owner = parameter.getDeclaringClass();
        if (!owner.isRecord() || !ours(owner)) {
            return null;
        }
        AnnotatedWithParams creator = parameter.getOwner();
        RecordComponent[] components = owner.getRecordComponents();
        if (creator.getParameterCount() != components.length) {
            return null;
        }
        for (int i = 0; i < components.length; i++) {
            if (creator.getRawParameterType(i) != components[i].getType()) {
                return null;
            }
        }
        return components[parameter.getIndex()].getName();
    }

    private static boolean ours(Class<?> type) {
        return type.isRecord() && type.getName().startsWith("io.acog.");
    }
}
