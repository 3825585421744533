package io.ipkeeper.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test class once per {@link DatabaseKind}: H2 and the real PostgreSQL. Each run gets its own fresh
 * database, injected as a {@link TestDatabase} constructor or method parameter, and dropped after the run.
 *
 * <pre>{@code
 * @DatabaseTest
 * class AllocationStoreTest {
 *     private final TestDatabase db;
 *     AllocationStoreTest(TestDatabase db) { this.db = db; }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ClassTemplate
@ExtendWith(DatabaseTemplate.class)
public @interface DatabaseTest {}
