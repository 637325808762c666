package dev.toolgate.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.cluster.EndedSessions;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class SessionIdsTest {
    private static String hmac(String key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private final SessionIds sessions = new SessionIds(text -> hmac("key-a", text), EndedSessions.local());
    private final UUID server = UUID.randomUUID();

    private static final Optional<ClientInfo> CLIENT = Optional.of(new ClientInfo("claude-ai", "0.1.0"));

    @Test
    void verify_issuedId_returnsItsVersionAndClient() {
        String id = sessions.issue(server, "2025-06-18", CLIENT);
        assertThat(id).matches("[\\x21-\\x7E]+").startsWith("s2.");
        assertThat(sessions.verify(id, server)).contains(new SessionIds.Session("2025-06-18", CLIENT));
    }

    @Test
    void verify_issuedWithoutClient_hasNone() {
        String id = sessions.issue(server, "2025-11-25", Optional.empty());
        assertThat(sessions.verify(id, server)).contains(new SessionIds.Session("2025-11-25", Optional.empty()));
    }

    @Test
    void verify_clientWithOddCharacters_isKeptPrintableAndShort() {
        String id =
                sessions.issue(server, "2025-11-25", Optional.of(new ClientInfo("a\nb\u0000c" + "x".repeat(500), "1")));
        assertThat(id).matches("[\\x21-\\x7E]+");
        var client = sessions.verify(id, server).orElseThrow().client().orElseThrow();
        assertThat(client.name()).startsWith("a?b?c").hasSize(ClientInfo.MAX_NAME);
    }

    @Test
    void verify_idOfTheEarlierFormat_isStillAccepted() {
        String nonce = "AAAAAAAAAAAAAAAA";
        String mac = hmac("key-a", "mcp-session|" + server + "|" + nonce + "|2025-06-18")
                .substring(0, 32);
        assertThat(sessions.verify("s1." + nonce + ".2025-06-18." + mac, server))
                .contains(new SessionIds.Session("2025-06-18", Optional.empty()));
    }

    @Test
    void verify_anotherNodeWithTheSameKey_acceptsIt() {
        String id = sessions.issue(server, "2025-11-25", CLIENT);
        assertThat(new SessionIds(text -> hmac("key-a", text), EndedSessions.local()).verify(id, server))
                .map(SessionIds.Session::protocolVersion)
                .contains("2025-11-25");
    }

    @Test
    void verify_otherServerOtherKeyOrTampered_isRejected() {
        String id = sessions.issue(server, "2025-11-25", CLIENT);
        assertThat(sessions.verify(id, UUID.randomUUID())).isEmpty();
        assertThat(new SessionIds(text -> hmac("key-b", text), EndedSessions.local()).verify(id, server))
                .isEmpty();
        assertThat(sessions.verify(id.replace("2025-11-25", "2025-06-18"), server))
                .isEmpty();
        String otherClient = CLIENT.get().encode();
        String forged = new ClientInfo("someone-else", "9").encode();
        assertThat(sessions.verify(id.replace(otherClient, forged), server)).isEmpty();
        assertThat(sessions.verify("garbage", server)).isEmpty();
    }

    @Test
    void verify_again_isTheSameSession_andRefusedOnceEnded() {
        String id = sessions.issue(server, "2025-11-25", CLIENT);
        var first = sessions.verify(id, server);
        assertThat(sessions.verify(id, server)).isEqualTo(first).isPresent();
        assertThat(sessions.verify(id, UUID.randomUUID())).isEmpty(); // remembered per server, not per id
        sessions.end(id);
        assertThat(sessions.verify(id, server)).isEmpty();
    }

    @Test
    void verify_afterEnd_isRejected() {
        String id = sessions.issue(server, "2025-11-25", CLIENT);
        sessions.end(id);
        assertThat(sessions.verify(id, server)).isEmpty();
    }
}
