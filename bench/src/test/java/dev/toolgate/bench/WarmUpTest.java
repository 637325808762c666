package dev.toolgate.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WarmUpTest {
    @Test
    void steady_onlyOnceTheLastThreeSecondsAreWithinTenPercent() {
        assertThat(WarmUp.steady(List.of(9_000.0, 9_500.0)))
                .as("too few seconds")
                .isFalse();
        assertThat(WarmUp.steady(List.of(800.0, 1_100.0, 1_200.0, 1_500.0)))
                .as("still ramping")
                .isFalse();
        assertThat(WarmUp.steady(List.of(3_400.0, 5_300.0, 7_000.0, 9_800.0))).isFalse();
        assertThat(WarmUp.steady(List.of(5_300.0, 9_800.0, 10_100.0, 10_400.0, 10_200.0)))
                .isTrue();
        assertThat(WarmUp.steady(List.of(1_000.0, 1_100.0, 1_000.0)))
                .as("exactly 10%")
                .isTrue();
        assertThat(WarmUp.steady(List.of(0.0, 0.0, 0.0))).as("nothing answered").isFalse();
    }
}
