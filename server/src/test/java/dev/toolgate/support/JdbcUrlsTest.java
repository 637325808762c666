package dev.toolgate.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JdbcUrlsTest {
    @Test
    void redacted_passwordParameter_isHiddenWherever() {
        assertThat(JdbcUrls.redacted("jdbc:postgresql://db:5432/toolgate?user=tg&password=s3cr&t&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/toolgate?user=tg&password=(hidden)&t&ssl=true");
        assertThat(JdbcUrls.redacted("jdbc:postgresql://db/toolgate?PASSWORD=x"))
                .isEqualTo("jdbc:postgresql://db/toolgate?PASSWORD=(hidden)");
    }

    @Test
    void redacted_noPassword_isUnchanged() {
        assertThat(JdbcUrls.redacted("jdbc:postgresql://db/toolgate?currentSchema=a&user=tg"))
                .isEqualTo("jdbc:postgresql://db/toolgate?currentSchema=a&user=tg");
    }
}
