package dev.toolgate.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
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

    private final SessionIds sessions = new SessionIds(text -> hmac("key-a", text));
    private final UUID server = UUID.randomUUID();

    @Test
    void verify_issuedId_returnsItsVersion() {
        String id = sessions.issue(server, "2025-06-18");
        assertThat(id).matches("[\\x21-\\x7E]+");
        assertThat(sessions.verify(id, server)).contains("2025-06-18");
    }

    @Test
    void verify_anotherNodeWithTheSameKey_acceptsIt() {
        String id = sessions.issue(server, "2025-11-25");
        assertThat(new SessionIds(text -> hmac("key-a", text)).verify(id, server))
                .contains("2025-11-25");
    }

    @Test
    void verify_otherServerOtherKeyOrTampered_isRejected() {
        String id = sessions.issue(server, "2025-11-25");
        assertThat(sessions.verify(id, UUID.randomUUID())).isEmpty();
        assertThat(new SessionIds(text -> hmac("key-b", text)).verify(id, server))
                .isEmpty();
        assertThat(sessions.verify(id.replace("2025-11-25", "2025-06-18"), server))
                .isEmpty();
        assertThat(sessions.verify("garbage", server)).isEmpty();
    }

    @Test
    void verify_afterEnd_isRejected() {
        String id = sessions.issue(server, "2025-11-25");
        sessions.end(id);
        assertThat(sessions.verify(id, server)).isEmpty();
    }

    @Test
    void wellFormed_issuedIdsOnly_otherShapesRejected() {
        String id = sessions.issue(server, "2025-11-25");
        assertThat(SessionIds.wellFormed(id)).isTrue();
        assertThat(SessionIds.wellFormed(id + "0")).isFalse();
        assertThat(SessionIds.wellFormed("s2" + id.substring(2))).isFalse();
        assertThat(SessionIds.wellFormed(id.substring(0, 5) + "!" + id.substring(6)))
                .isFalse(); // nonce
        assertThat(SessionIds.wellFormed(id.replace("2025-11-25", "2025-11x25")))
                .isFalse(); // version
        assertThat(SessionIds.wellFormed(id.substring(0, id.length() - 1) + "A"))
                .isFalse(); // mac is lowercase hex
        assertThat(SessionIds.wellFormed(id.replace(".2025", "_2025"))).isFalse();
    }
}
