package dev.toolgate.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolgate.integration.IntegrationDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ToolCatalogsTest {
    private final ToolCatalogs catalogs = new ToolCatalogs(new ToolGenerator());
    private final IntegrationDefinition testpay = Definitions.testpay();

    @Test
    void all_sameVersion_returnsSameInstance() {
        ToolCatalog first = catalogs.all(testpay);

        assertThat(catalogs.all(Definitions.testpay())).isSameAs(first);
        assertThat(first.size()).isEqualTo(15);
        assertThat(catalogs.filtered(testpay, ToolFilter.ALL)).isSameAs(first);
        assertThat(catalogs.filtered(testpay, new ToolFilter(List.of(), List.of())))
                .isSameAs(first);
    }

    @Test
    void filtered_equalFilters_returnSameInstance() {
        ToolCatalog read = catalogs.filtered(testpay, new ToolFilter(List.of("read"), List.of("payments")));

        assertThat(catalogs.filtered(Definitions.testpay(), new ToolFilter(List.of("read"), List.of("payments"))))
                .isSameAs(read);
        assertThat(catalogs.filtered(testpay, new ToolFilter(List.of("write"), List.of())))
                .isNotSameAs(read);
        assertThat(read.tools())
                .extracting(Tool::name)
                .containsExactly(
                        "list_all_testpay_charges", "get_single_testpay_charge_by_id", "list_all_testpay_refunds");
    }

    @Test
    void filtered_sharesToolInstancesWithAll() {
        ToolCatalog custom = catalogs.filtered(testpay, new ToolFilter(List.of("custom"), List.of()));

        assertThat(custom.find("testpay_customers_search").orElseThrow())
                .isSameAs(catalogs.all(testpay).find("testpay_customers_search").orElseThrow());
    }

    @Test
    void find_filteredOutTool_isEmpty() {
        ToolCatalog read = catalogs.filtered(testpay, new ToolFilter(List.of("read"), List.of()));

        assertThat(read.find("create_a_testpay_refund")).isEmpty();
        assertThat(read.find("list_all_testpay_refunds")).isPresent();
        assertThat(read.isEmpty()).isFalse();
        assertThat(catalogs.filtered(testpay, new ToolFilter(List.of(), List.of("nope")))
                        .isEmpty())
                .isTrue();
    }

    @Test
    void derived_concurrentCallers_computeOnce() throws Exception {
        ToolCatalog catalog = catalogs.all(testpay);
        AtomicInteger computations = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return catalog.derived("names", c -> {
                        computations.incrementAndGet();
                        return String.join(
                                ",", c.tools().stream().map(Tool::name).toList());
                    });
                }));
            }
            start.countDown();
            String first = results.getFirst().get();
            for (Future<String> result : results) {
                assertThat(result.get()).isSameAs(first);
            }
        }
        assertThat(computations).hasValue(1);
        assertThat(catalogs.all(testpay).<String>derived("names", c -> "other"))
                .startsWith("get_single_testpay_balance_by_id,");
    }

    @Test
    void of_duplicateNames_isRefused() {
        Tool tool = catalogs.all(testpay).tools().getFirst();

        assertThatThrownBy(() -> ToolCatalog.of(List.of(tool, tool)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(tool.name());
    }
}
