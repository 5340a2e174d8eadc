package com.returnsgateway.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnsgateway.core.RouteVariables;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contract between routes and beans: every exchange variable is named once, in {@link RouteVariables}, and each
 * is written somewhere and read somewhere (in the YAML routes or in the beans they call).
 */
class RouteVariablesTest {

    private static final Pattern YAML_READ = Pattern.compile("\\$\\{variable\\.(\\w+)");
    private static final Pattern JAVA_WRITE = Pattern.compile("setVariable\\((?:RouteVariables\\.)?(\\w+)");
    private static final Pattern JAVA_READ = Pattern.compile("(?:@Variable|getVariable)\\((?:RouteVariables\\.)?(\\w+)");
    private static final Pattern JAVA_LITERAL = Pattern.compile("(?:setVariable|getVariable|@Variable)\\(\"(\\w+)\"");

    private static Map<String, String> declared; // constant name -> variable name
    private static final Set<String> written = new TreeSet<>();
    private static final Set<String> read = new TreeSet<>();
    private static final Set<String> literalsInJava = new TreeSet<>();
    private static final Set<String> unknownConstants = new TreeSet<>();

    @BeforeAll
    static void scan() {
        declared = Arrays.stream(RouteVariables.class.getDeclaredFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
                .collect(Collectors.toMap(Field::getName, RouteVariablesTest::value));
        for (Map<String, Object> element : RouteFiles.elements()) {
            RouteFiles.walk(element, node -> {
                if (node.get("setVariable") instanceof Map<?, ?> set) {
                    written.add((String) set.get("name"));
                }
            });
            RouteFiles.strings(element).forEach(text -> all(YAML_READ, text, Function.identity(), read));
        }
        for (String source : RouteFiles.mainJavaOutsideSandbox()) {
            all(JAVA_WRITE, source, RouteVariablesTest::variable, written);
            all(JAVA_READ, source, RouteVariablesTest::variable, read);
            all(JAVA_LITERAL, source, Function.identity(), literalsInJava);
        }
    }

    @Test
    void beansNameVariablesOnlyThroughTheConstants() {
        assertThat(literalsInJava).as("variable names written as string literals in src/main").isEmpty();
    }

    @Test
    void everyVariableTheRoutesAndBeansUseIsListed() {
        assertThat(unknownConstants).as("names passed to setVariable/getVariable/@Variable that are not in RouteVariables")
                .isEmpty();
        Set<String> used = new HashSet<>(written);
        used.addAll(read);
        assertThat(declared.values()).as("RouteVariables").containsAll(used);
    }

    @Test
    void everyListedVariableIsWrittenAndRead() {
        assertThat(written).as("variables written by a route or a bean").containsAll(declared.values());
        assertThat(read).as("variables read by a route or a bean").containsAll(declared.values());
    }

    @Test
    void theScanSeesBothSides() {
        // a scan that found nothing would make the tests above pass vacuously
        assertThat(written).contains("emailKind", "caseId", "feedStatus");
        assertThat(read).contains("shipmentState", "interceptOutcome", "callUrl");
    }

    private static void all(Pattern pattern, String text, Function<String, String> name, Set<String> into) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            String variable = name.apply(matcher.group(1));
            if (!variable.isEmpty()) {
                into.add(variable);
            }
        }
    }

    /** A constant of RouteVariables by its name; the quotes of a literal are caught by JAVA_LITERAL. */
    private static String variable(String constant) {
        String name = declared.get(constant);
        if (name == null && !constant.isEmpty() && Character.isUpperCase(constant.charAt(0))) {
            unknownConstants.add(constant);
        }
        return name == null ? "" : name;
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
