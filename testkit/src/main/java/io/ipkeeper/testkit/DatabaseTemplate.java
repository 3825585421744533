package io.ipkeeper.testkit;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ClassTemplateInvocationContext;
import org.junit.jupiter.api.extension.ClassTemplateInvocationContextProvider;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** The JUnit machinery behind {@link DatabaseTest}: one class invocation per database kind. */
final class DatabaseTemplate implements ClassTemplateInvocationContextProvider {

    @Override
    public boolean supportsClassTemplate(ExtensionContext context) {
        return context.getTestClass().map(c -> c.isAnnotationPresent(DatabaseTest.class)).orElse(false);
    }

    @Override
    public Stream<ClassTemplateInvocationContext> provideClassTemplateInvocationContexts(ExtensionContext context) {
        String label = context.getRequiredTestClass().getSimpleName();
        return Arrays.stream(DatabaseKind.values()).map(kind -> new Invocation(kind, label));
    }

    private record Invocation(DatabaseKind kind, String label) implements ClassTemplateInvocationContext {
        @Override
        public String getDisplayName(int invocationIndex) {
            return "[" + kind.name().toLowerCase(Locale.ROOT) + "]";
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(new Fixture(kind, label));
        }
    }

    /** Lives for one class invocation: creates the database on first use and drops it after the last test. */
    private static final class Fixture implements ParameterResolver, AfterAllCallback {
        private final DatabaseKind kind;
        private final String label;
        private TestDatabase database;

        Fixture(DatabaseKind kind, String label) {
            this.kind = kind;
            this.label = label;
        }

        @Override
        public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
            Class<?> type = parameterContext.getParameter().getType();
            return type == TestDatabase.class || type == DatabaseKind.class;
        }

        @Override
        public synchronized Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
            if (parameterContext.getParameter().getType() == DatabaseKind.class) {
                return kind;
            }
            if (database == null) {
                database = TestDatabase.create(kind, label);
            }
            return database;
        }

        @Override
        public synchronized void afterAll(ExtensionContext context) {
            if (database != null) {
                database.close();
                database = null;
            }
        }
    }
}
