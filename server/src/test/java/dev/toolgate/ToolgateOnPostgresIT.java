package dev.toolgate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.support.Json;
import dev.toolgate.testing.McpRequests;
import dev.toolgate.testing.PostgresSchema;
import dev.toolgate.testing.RunningToolgate;
import dev.toolgate.testing.TestPayUpstream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A whole server on PostgreSQL (production mode), configured like {@code TOOLGATE_DATABASE_URL}: the core flow. */
class ToolgateOnPostgresIT {
    private PostgresSchema schema;
    private RunningToolgate gate;

    @BeforeEach
    void start() {
        schema = PostgresSchema.create();
        gate = RunningToolgate.startOn(schema);
    }

    @AfterEach
    void stop() {
        if (gate != null) {
            gate.close();
        }
        schema.close();
    }

    @Test
    void coreFlow_tokenAccountServerToolCall_runsOnPostgresAndStoresThere() throws SQLException {
        String apiToken = gate.apiToken("acme");
        String account = gate.connectTestPay(apiToken);
        JsonNode server =
                gate.createServer(apiToken, account, "{\"name\":\"read only\",\"config\":{\"methods\":[\"read\"]}}");
        String path = McpRequests.path(server.get("url").asString());

        var result = McpRequests.callTool(gate.http, path, "get_single_testpay_customer_by_id", "{\"id\":\"cus_1\"}");

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.body().at("/result/isError").asBoolean()).isFalse();
        assertThat(result.body().at("/result/structuredContent/email").asString())
                .isEqualTo("alice@example.com");
        assertThat(gate.upstream.requests())
                .singleElement()
                .satisfies(request -> assertThat(request.header("Authorization"))
                        .contains("Bearer " + TestPayUpstream.DEFAULT_API_KEY));
        assertThat(McpRequests.toolNames(gate.http, path))
                .contains("list_all_testpay_customers")
                .doesNotContain("create_a_testpay_refund");
        assertThat(rowCount("environments")).isEqualTo(1);
        assertThat(rowCount("api_tokens")).isEqualTo(1);
        assertThat(rowCount("integrated_accounts")).isEqualTo(1);
        assertThat(rowCount("mcp_servers")).isEqualTo(1);
        // one row per recurring job (server expiry, audit retention), however many nodes run them
        assertThat(rowCount("scheduled_tasks")).isEqualTo(2);
        assertThat(gate.toolgate.cacheCoherence().isCoherent()).isTrue();
    }

    @Test
    void changes_configRevokeAndTokenRevoke_takeEffectAtOnceOnPostgres() {
        String apiToken = gate.apiToken("acme");
        String account = gate.connectTestPay(apiToken);
        JsonNode server = gate.createServer(apiToken, account, "{\"name\":\"all\"}");
        String path = McpRequests.path(server.get("url").asString());
        String serverPath =
                "/integrated-account/" + account + "/mcp/" + server.get("id").asString();
        assertThat(McpRequests.toolNames(gate.http, path)).contains("create_a_testpay_refund");

        var patched =
                gate.http.send("PATCH", serverPath, apiToken, Json.parse("{\"config\":{\"methods\":[\"read\"]}}"));
        assertThat(patched.status()).isEqualTo(200);
        assertThat(McpRequests.toolNames(gate.http, path)).doesNotContain("create_a_testpay_refund");

        assertThat(gate.http
                        .send("DELETE", serverPath, apiToken, (JsonNode) null)
                        .status())
                .isEqualTo(204);
        assertThat(McpRequests.ping(gate.http, path).status()).isEqualTo(404);

        String tokenId = gate.http
                .send("GET", "/api-token", apiToken, (JsonNode) null)
                .body()
                .at("/result/0/id")
                .asString();
        assertThat(gate.http
                        .send("DELETE", "/api-token/" + tokenId, apiToken, (JsonNode) null)
                        .status())
                .isEqualTo(204);
        assertThat(gate.http
                        .send("GET", "/integration", apiToken, (JsonNode) null)
                        .status())
                .isEqualTo(401);
    }

    private long rowCount(String table) throws SQLException {
        try (Connection connection = DriverManager.getConnection(schema.jdbcUrl());
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
