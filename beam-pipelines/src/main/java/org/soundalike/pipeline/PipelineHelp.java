package org.soundalike.pipeline;

import java.beans.Introspector;
import java.io.PrintStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.Validation;

/**
 * {@code soundalike pipeline NAME --help}: the pipeline's own options first (required ones, then
 * the rest by name), each with its description and default, and Flink's and Beam's hundred-odd
 * runner options only behind a pointer: Beam prints one options interface with {@code --help=NAME}.
 */
final class PipelineHelp {

  /** The interface whose help lists the runner's options (Flink's, and Beam's it extends). */
  static final Class<? extends PipelineOptions> RUNNER_OPTIONS = FlinkPipelineOptions.class;

  private static final int WIDTH = 100;

  /** One option of a pipeline, as a user types it. */
  record Option(String name, String type, boolean required, Optional<String> defaultValue, String description) {}

  private PipelineHelp() {}

  static void print(String pipeline, String summary, Class<? extends PipelineOptions> options, PrintStream out) {
    List<Option> own = ownOptions(options);
    StringBuilder usage = new StringBuilder("Usage: soundalike pipeline " + pipeline);
    own.stream().filter(Option::required).forEach(o -> usage.append(" --").append(o.name()).append("=…"));
    out.println(usage.append(" [--option=value …]"));
    out.println(summary);
    out.println();
    out.println("Options (--name=value or --name value):");
    for (Option option : own) {
      String qualifier = option.required() ? "required" : option.defaultValue().map(d -> "default: " + d).orElse("optional");
      out.printf("  --%s=<%s>  (%s)%n", option.name(), option.type(), qualifier);
      wrap(option.description(), "      ", out);
    }
    out.println();
    out.println("Runner options (Flink's and Beam's: --flinkMaster, --parallelism, checkpointing, …):");
    out.println("  soundalike pipeline " + pipeline + " --help=" + RUNNER_OPTIONS.getSimpleName());
  }

  /** Words of {@code text} on lines of at most {@link #WIDTH} characters, each starting with {@code indent}. */
  static void wrap(String text, String indent, PrintStream out) {
    StringBuilder line = new StringBuilder(indent);
    for (String word : text.split("\\s+")) {
      if (line.length() > indent.length() && line.length() + 1 + word.length() > WIDTH) {
        out.println(line);
        line.setLength(0);
        line.append(indent);
      }
      if (line.length() > indent.length()) {
        line.append(' ');
      }
      line.append(word);
    }
    out.println(line);
  }

  /**
   * The options declared by the project's own interfaces in {@code options}' hierarchy (not by
   * Beam's or Flink's), required first, then by name.
   */
  static List<Option> ownOptions(Class<? extends PipelineOptions> options) {
    List<Option> own = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Class<?> type : hierarchy(options)) {
      if (!type.getPackageName().startsWith("org.soundalike")) {
        continue;
      }
      for (Method getter : type.getDeclaredMethods()) {
        Optional<String> name = propertyName(getter);
        if (name.isPresent() && seen.add(name.get())) {
          own.add(option(name.get(), getter));
        }
      }
    }
    own.sort(Comparator.comparing((Option o) -> !o.required()).thenComparing(Option::name));
    return own;
  }

  /** The interface and every interface it extends, most specific first. */
  private static List<Class<?>> hierarchy(Class<?> options) {
    Set<Class<?>> all = new LinkedHashSet<>();
    Deque<Class<?>> todo = new ArrayDeque<>(List.of(options));
    while (!todo.isEmpty()) {
      Class<?> type = todo.removeFirst();
      if (all.add(type)) {
        todo.addAll(List.of(type.getInterfaces()));
      }
    }
    return new ArrayList<>(all);
  }

  private static Optional<String> propertyName(Method method) {
    String name = method.getName();
    if (method.getParameterCount() != 0 || method.isDefault() || method.isSynthetic()) {
      return Optional.empty();
    }
    if (name.startsWith("get") && name.length() > 3) {
      return Optional.of(Introspector.decapitalize(name.substring(3)));
    }
    if (name.startsWith("is") && name.length() > 2 && method.getReturnType() == boolean.class) {
      return Optional.of(Introspector.decapitalize(name.substring(2)));
    }
    return Optional.empty();
  }

  private static Option option(String name, Method getter) {
    Description description = getter.getAnnotation(Description.class);
    return new Option(name, typeName(getter.getGenericReturnType()),
        getter.isAnnotationPresent(Validation.Required.class), defaultValue(getter),
        description == null ? "" : description.value());
  }

  private static String typeName(Type type) {
    return type instanceof Class<?> c ? c.getSimpleName() : type.getTypeName().replaceAll("[\\w.]+\\.", "");
  }

  /** The value of whichever {@code @Default.*} annotation the getter carries. */
  private static Optional<String> defaultValue(Method getter) {
    for (Annotation annotation : getter.getAnnotations()) {
      if (annotation.annotationType().getEnclosingClass() != Default.class) {
        continue;
      }
      if (annotation instanceof Default.InstanceFactory) {
        return Optional.of("computed");
      }
      try {
        Object value = annotation.annotationType().getMethod("value").invoke(annotation);
        return Optional.of(value instanceof Class<?> c ? c.getSimpleName() : String.valueOf(value));
      } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("unreadable default on " + getter, e);
      }
    }
    return Optional.empty();
  }
}
