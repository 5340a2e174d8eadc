package com.returnsgateway.core.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
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

    /** Wraps each data source so that the statements sent through it are counted. */
    public static final class SqlStatementCounter implements BeanPostProcessor {

        private final LongAdder statements = new LongAdder();

        /** Statements sent one by one, plus each statement of a batch. */
        public long statements() {
            return statements.sum();
        }

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            return bean instanceof DataSource dataSource ? proxy(dataSource, (target, method, result) ->
                    method.getName().equals("getConnection") ? proxy(result, (c, m, r) ->
                            STATEMENT_FACTORIES.contains(m.getName()) ? proxy(r, this::count) : r) : result) : bean;
        }

        private Object count(Object statement, Method method, Object result) {
            if (EXECUTES.contains(method.getName())) {
                statements.increment();
            } else if (BATCHES.contains(method.getName())) {
                statements.add(result instanceof int[] rows ? rows.length
                        : result instanceof long[] rows ? rows.length : 1);
            }
            return result;
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
        Object apply(Object target, Method method, Object result) throws Exception;
    }

    /** The target behind a proxy of all its interfaces, which passes {@code after} each call's answer. */
    @SuppressWarnings("unchecked")
    private static <T> T proxy(T target, AfterCall after) {
        if (!(target instanceof Connection || target instanceof Statement || target instanceof DataSource)) {
            return target;
        }
        InvocationHandler handler = (p, method, args) -> {
            try {
                return after.apply(target, method, method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (T) Proxy.newProxyInstance(target.getClass().getClassLoader(),
                ClassUtils.getAllInterfaces(target), handler);
    }
}
