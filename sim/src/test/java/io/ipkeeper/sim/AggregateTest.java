package io.ipkeeper.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AggregateTest {

    private static Summary run(long seed, Object convergedAt, boolean converged, long fps) {
        return new Summary().put("scenario", "crash").put("nodes", 20).put("seed", seed).put("converged", converged)
                .put("convergedAtSeconds", convergedAt).put("falsePositives", fps)
                .put("crashes", new Summary().put("firstMedianSeconds", convergedAt));
    }

    @Test
    void numbersBecomeMedianMinMaxOverTheRunsThatHaveThem() {
        Summary a = Aggregate.of(List.of(run(1, 10.0, true, 4), run(2, null, false, 0), run(3, 30.0, true, 2),
                run(4, 20.0, true, 1)));
        assertThat(a.toJson()).isEqualTo("""
                {
                  "scenario": "crash",
                  "nodes": 20,
                  "seed": [1, 2, 3, 4],
                  "converged": {
                    "true": 3,
                    "runs": 4
                  },
                  "convergedAtSeconds": {
                    "median": 20,
                    "min": 10,
                    "max": 30,
                    "runs": 3
                  },
                  "falsePositives": {
                    "median": 1.5,
                    "min": 0,
                    "max": 4,
                    "runs": 4
                  },
                  "crashes": {
                    "firstMedianSeconds": {
                      "median": 20,
                      "min": 10,
                      "max": 30,
                      "runs": 3
                    }
                  }
                }
                """);
    }

    @Test
    void runsOfDifferentSizesOrScenariosAreNotMixed() {
        Summary other = run(2, 1.0, true, 0).put("nodes", 40);
        assertThatThrownBy(() -> Aggregate.of(List.of(run(1, 1.0, true, 0), other)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nodes");
        assertThatThrownBy(() -> Aggregate.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
