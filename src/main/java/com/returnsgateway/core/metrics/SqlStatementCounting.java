package com.returnsgateway.core.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;

/**
 * Counts the SQL statements the gateway sends ({@code gateway_sql_statements_total}), so the benchmark can say how
 * many statements a case costs. Only with {@code gateway.metrics.sql-statements: true}: it wraps every data source,
 * connection and statement in a proxy.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("gateway.metrics.sql-statements")
public class SqlStatementCounting {

    private static final Set<String> EXECUTES = Set.of("execute", "executeQuery", "executeUpdate",
            "executeLargeUpdate");
    private static final Set<String> BATCHES = Set.of("executeBatch", "executeLargeBatch");
    private static final Set<String> STATEMENT_FACTORIES = Set.of("createStatement", "prepareStatement",
            "prepareCall");

    /**
     * Wraps each data source so that the statements sent through it are counted, in all and by statement text; the
     * most frequent are logged when the gateway stops, to tell where a case's statements go.
     */
    public static final class SqlStatementCounter implements BeanPostProcessor, DisposableBean {

        private static final Logger log = LoggerFactory.getLogger(SqlStatementCounter.class);
        private final LongAdder statements = new LongAdder();
        private final Map<String, LongAdder> bySql = new ConcurrentHashMap<>();

        /** Statements sent one by one, plus each statement of a batch. */
        public long statements() {
            return statements.sum();
        }

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            return bean instanceof DataSource dataSource ? proxy(dataSource, (target, method, args, result) ->
                    method.getName().equals("getConnection") ? proxy(result, (c, m, a, r) -> {
                        if (!STATEMENT_FACTORIES.contains(m.getName())) {
                            return r;
                        }
                        String prepared = a != null && a.length > 0 && a[0] instanceof String sql ? sql : null;
                        return proxy(r, (st, sm, sa, sr) -> count(prepared, sm, sa, sr));
                    }) : result) : bean;
        }

        private Object count(String prepared, Method method, Object[] args, Object result) {
            long sent = 0;
            if (EXECUTES.contains(method.getName())) {
                sent = 1;
            } else if (BATCHES.contains(method.getName())) {
                sent = result instanceof int[] rows ? rows.length : result instanceof long[] rows ? rows.length : 1;
            }
            if (sent > 0) {
                statements.add(sent);
                String sql = prepared != null ? prepared
                        : args != null && args.length > 0 && args[0] instanceof String text ? text : "?";
                // keyed by the text as sent (its hash is cached in the string): shortened only when logged
                bySql.computeIfAbsent(sql, key -> new LongAdder()).add(sent);
            }
            return result;
        }

        @Override
        public void destroy() {
            Map<String, Long> byText = new HashMap<>();
            bySql.forEach((sql, count) -> byText.merge(shortened(sql), count.sum(), Long::sum));
            List<Map.Entry<String, Long>> top = byText.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .limit(25)
                    .toList();
            log.info("SQL statements sent since start: {}; the most frequent:{}", statements(), top.stream()
                    .map(e -> String.format("%n%10d  %s", e.getValue(), e.getKey())).collect(Collectors.joining()));
        }

        private static String shortened(String sql) {
            String oneLine = sql.replaceAll("\\s+", " ").strip();
            return oneLine.length() > 140 ? oneLine.substring(0, 140) + "..." : oneLine;
        }
    }

    @Bean
    static SqlStatementCounter sqlStatementCounter() {
        return new SqlStatementCounter();
    }

    @Bean
    MeterBinder sqlStatementMeter(SqlStatementCounter counter) {
        return registry -> FunctionCounter.builder("gateway.sql.statements", counter, SqlStatementCounter::statements)
                .description("SQL statements sent to the database (counted only with gateway.metrics.sql-statements)")
                .register(registry);
    }

    /** What a proxy does with the target's answer to a call. */
    @FunctionalInterface
    private interface AfterCall {
        Object apply(Object target, Method method, Object[] args, Object result) throws Exception;
    }

    /** The interfaces of each class proxied so far: looked up once, not for every statement. */
    private static final Map<Class<?>, Class<?>[]> INTERFACES = new ConcurrentHashMap<>();

    /** The target behind a proxy of all its interfaces, which passes {@code after} each call's answer. */
    @SuppressWarnings({"unchecked", "deprecation"})
    private static <T> T proxy(T target, AfterCall after) {
        if (!(target instanceof Connection || target instanceof Statement || target instanceof DataSource)) {
            return target;
        }
        InvocationHandler handler = (p, method, args) -> {
            // a proxy hands over the same Method each time: marked accessible once, it skips the access check that
            // Method.invoke otherwise makes on every call (its one-entry cache misses across the many target classes)
            if (!method.isAccessible()) {
                method.trySetAccessible();
            }
            try {
                return after.apply(target, method, args, method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        Class<?>[] interfaces = INTERFACES.computeIfAbsent(target.getClass(), ClassUtils::getAllInterfacesForClass);
        return (T) Proxy.newProxyInstance(target.getClass().getClassLoader(), interfaces, handler);
    }
}
