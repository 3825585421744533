package io.ipkeeper.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestDatabaseUrlTest {
    @Test
    void replacesTheDatabaseNameAndKeepsParameters() {
        assertThat(TestDatabase.replaceDatabase("jdbc:postgresql://127.0.0.1:5432/test?user=postgres", "x"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/x?user=postgres");
        assertThat(TestDatabase.replaceDatabase("jdbc:postgresql://127.0.0.1:5433/", "x"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5433/x");
        assertThat(TestDatabase.replaceDatabase("jdbc:postgresql://h:1?ssl=false", "y"))
                .isEqualTo("jdbc:postgresql://h:1/y?ssl=false");
    }
}
