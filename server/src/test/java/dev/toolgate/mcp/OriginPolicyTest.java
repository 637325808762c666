package dev.toolgate.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OriginPolicyTest {
    private final OriginPolicy policy =
            new OriginPolicy(Optional.of("https://gate.example.com"), List.of("https://app.example.org"));

    @Test
    void allows_noOriginLoopbackPublicAndConfigured() {
        assertThat(policy.allows(null)).isTrue();
        assertThat(policy.allows("http://localhost:6274")).isTrue();
        assertThat(policy.allows("http://127.0.0.1")).isTrue();
        assertThat(policy.allows("http://[::1]:3000")).isTrue();
        assertThat(policy.allows("https://gate.example.com")).isTrue();
        assertThat(policy.allows("https://APP.example.org")).isTrue();
    }

    @Test
    void allows_foreignOrNullOrigin_isFalse() {
        assertThat(policy.allows("http://evil.example.com")).isFalse();
        assertThat(policy.allows("https://gate.example.com.evil.net")).isFalse();
        assertThat(policy.allows("http://localhost.evil.net")).isFalse();
        assertThat(policy.allows("null")).isFalse();
        assertThat(policy.allows("file://")).isFalse();
    }
}
