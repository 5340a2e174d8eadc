package com.returnsgateway.routes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

/** The routes (routes/*.camel.yaml) and the main Java sources, read as text and YAML trees for structure tests. */
final class RouteFiles {

    static final Path ROUTES = Path.of("routes");
    static final Path MAIN_JAVA = Path.of("src/main/java/com/returnsgateway");

    private RouteFiles() {
    }

    /** Every top-level element of every route file: {@code route}, {@code routeTemplate}, {@code routeConfiguration}. */
    static List<Map<String, Object>> elements() {
        List<Map<String, Object>> all = new ArrayList<>();
        for (Path file : list(ROUTES, ".camel.yaml")) {
            try {
                List<Map<String, Object>> elements = new Yaml().load(Files.readString(file));
                all.addAll(elements);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all;
    }

    /** Every route and template route, as its definition map (id, from, group, routeConfigurationId, ...). */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> routes() {
        List<Map<String, Object>> routes = new ArrayList<>();
        for (Map<String, Object> element : elements()) {
            if (element.containsKey("route")) {
                routes.add((Map<String, Object>) element.get("route"));
            } else if (element.containsKey("routeTemplate")) {
                Map<String, Object> template = (Map<String, Object>) element.get("routeTemplate");
                Map<String, Object> route = new java.util.LinkedHashMap<>((Map<String, Object>) template.get("route"));
                route.put("id", template.get("id"));
                routes.add(route);
            }
        }
        return routes;
    }

    /** Calls {@code visit} with every map in the tree, depth first. */
    @SuppressWarnings("unchecked")
    static void walk(Object node, Consumer<Map<String, Object>> visit) {
        if (node instanceof Map<?, ?> map) {
            visit.accept((Map<String, Object>) map);
            map.values().forEach(value -> walk(value, visit));
        } else if (node instanceof List<?> list) {
            list.forEach(value -> walk(value, visit));
        }
    }

    /** Every scalar string in the tree. */
    static List<String> strings(Object node) {
        List<String> strings = new ArrayList<>();
        collect(node, strings);
        return strings;
    }

    private static void collect(Object node, List<String> strings) {
        if (node instanceof Map<?, ?> map) {
            map.values().forEach(value -> collect(value, strings));
        } else if (node instanceof List<?> list) {
            list.forEach(value -> collect(value, strings));
        } else if (node instanceof String text) {
            strings.add(text);
        }
    }

    /** The main Java sources outside the simulators, as text. */
    static List<String> mainJavaOutsideSandbox() {
        return list(MAIN_JAVA, ".java").stream()
                .filter(path -> !path.startsWith(MAIN_JAVA.resolve("sandbox")))
                .map(RouteFiles::read)
                .toList();
    }

    static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> list(Path root, String suffix) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(path -> path.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
