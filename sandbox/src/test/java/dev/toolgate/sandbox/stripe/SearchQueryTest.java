package dev.toolgate.sandbox.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SearchQueryTest {

    @Test
    void parse_clausesOperatorsAndJoiner() {
        var parsed = SearchQuery.parse("-email:\"a\\\"b@example.com\" OR amount>=1000 OR metadata[\"order_id\"]:\"1\"");
        assertThat(parsed.anyOf()).isTrue();
        assertThat(parsed.clauses())
                .containsExactly(
                        new SearchClause(true, "email", Optional.empty(), ":", "a\"b@example.com", true),
                        new SearchClause(false, "amount", Optional.empty(), ">=", "1000", false),
                        new SearchClause(false, "metadata", Optional.of("order_id"), ":", "1", true));
    }

    @Test
    void parse_errors_nameThePosition() {
        assertThatThrownBy(() -> SearchQuery.parse("email \"x\"")).hasMessageContaining("after 'email'");
        assertThatThrownBy(() -> SearchQuery.parse("email:\"x")).hasMessageContaining("unterminated");
        assertThatThrownBy(() -> SearchQuery.parse("a:\"1\" XOR b:\"2\"")).hasMessageContaining("AND or OR");
        String eleven = String.join(" AND ", java.util.Collections.nCopies(11, "name:\"x\""));
        assertThatThrownBy(() -> SearchQuery.parse(eleven)).hasMessageContaining("at most 10 clauses");
    }
}
