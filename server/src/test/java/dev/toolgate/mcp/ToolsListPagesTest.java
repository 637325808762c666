package dev.toolgate.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.support.Json;
import dev.toolgate.tools.ToolCatalog;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class ToolsListPagesTest {
    private final ToolsListPages pages = new ToolsListPages(5);
    private final ToolCatalog catalog = ToolCatalog.of(List.of());

    private static JsonNode json(Object raw) {
        return Json.parse(
                ((tools.jackson.databind.util.RawValue) raw).rawValue().toString());
    }

    private static ObjectNode meta() {
        ObjectNode meta = Json.object();
        meta.putObject("io.modelcontextprotocol/serverInfo")
                .put("name", "toolgate")
                .put("version", "1");
        return meta;
    }

    @Test
    void modernPage_isRenderedOncePerCatalog_andCarriesResultTypeCachingHintsAndMeta() {
        AtomicInteger renders = new AtomicInteger();
        var first = pages.modernPage(catalog, Optional.empty(), "TestPay", () -> {
                    renders.incrementAndGet();
                    return meta();
                })
                .orElseThrow();
        var second = pages.modernPage(catalog, Optional.empty(), "TestPay", () -> {
                    renders.incrementAndGet();
                    return meta();
                })
                .orElseThrow();

        assertThat(second).isSameAs(first);
        assertThat(renders).hasValue(1);
        JsonNode result = json(first);
        assertThat(result.get("resultType").asString()).isEqualTo("complete");
        assertThat(result.get("tools").isArray()).isTrue();
        assertThat(result.get("ttlMs").asLong()).isEqualTo(300_000);
        assertThat(result.get("cacheScope").asString()).isEqualTo("private");
        assertThat(result.at("/_meta/io.modelcontextprotocol~1serverInfo/name").asString())
                .isEqualTo("toolgate");
    }

    @Test
    void handshakePage_isUnchanged_andCachedSeparately() {
        var handshake = pages.page(catalog, Optional.empty()).orElseThrow();
        var modern = pages.modernPage(catalog, Optional.empty(), "TestPay", ToolsListPagesTest::meta)
                .orElseThrow();
        assertThat(handshake)
                .isNotSameAs(modern)
                .isSameAs(pages.page(catalog, Optional.empty()).orElseThrow());
        assertThat(json(handshake).propertyNames()).containsExactly("tools");
    }

    @Test
    void foreignCursor_isEmptyInBothEras() {
        assertThat(pages.page(catalog, Optional.of("bogus"))).isEmpty();
        assertThat(pages.modernPage(catalog, Optional.of("bogus"), "TestPay", ToolsListPagesTest::meta))
                .isEmpty();
    }
}
