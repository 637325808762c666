package dev.toolgate.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http2.HTTP2Cipher;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The upstream client against an https upstream that offers HTTP/2 by ALPN, as public payment APIs do: the HTTP/2
 * path (the response listener on the selector thread, multiplexed streams, the size cap, the timeout) and the
 * certificate checks that must hold by default.
 */
class HttpTransportTlsTest {
    private static final String PASSWORD = "upstream-test";
    private static final UpstreamLimits LIMITS =
            new UpstreamLimits(Duration.ofSeconds(5), Duration.ofMillis(1500), 4096);

    @TempDir
    static Path dir;

    private static Path keyStore;
    private static Path otherNameKeyStore;
    private static Server upstream;
    private static int port;
    private static Server otherNameUpstream;
    private static int otherNamePort;
    private static final ConcurrentLinkedQueue<String> protocols = new ConcurrentLinkedQueue<>();

    @BeforeAll
    static void start() throws Exception {
        keyStore = selfSigned("upstream.p12", "ip:127.0.0.1,dns:localhost");
        otherNameKeyStore = selfSigned("other.p12", "dns:upstream.example");
        upstream = httpsServer(keyStore);
        port = ((ServerConnector) upstream.getConnectors()[0]).getLocalPort();
        otherNameUpstream = httpsServer(otherNameKeyStore);
        otherNamePort = ((ServerConnector) otherNameUpstream.getConnectors()[0]).getLocalPort();
    }

    @AfterAll
    static void stop() throws Exception {
        upstream.stop();
        otherNameUpstream.stop();
    }

    @Test
    void send_httpsUpstreamOfferingHttp2_answersOverHttp2() {
        try (HttpTransport transport = transport(keyStore)) {
            protocols.clear();

            HttpTransport.Reply reply = transport.send(get("/v1/customers/cus_1"));

            assertThat(reply).isInstanceOfSatisfying(HttpTransport.Reply.Answered.class, answered -> {
                assertThat(answered.status()).isEqualTo(200);
                assertThat(text(answered)).isEqualTo("{\"id\":\"cus_1\"}");
                assertThat(answered.headers().get("Content-Type")).isEqualTo("application/json");
            });
            assertThat(protocols).containsExactly("HTTP/2.0");
        }
    }

    @Test
    void send_postOverHttp2_sendsTheBodyExactly() {
        try (HttpTransport transport = transport(keyStore)) {
            byte[] body = "{\"amount\":1234567890.123456789012,\"currency\":\"usd\"}".getBytes(StandardCharsets.UTF_8);

            HttpTransport.Reply reply = transport.send(new UpstreamRequest(
                    "POST",
                    URI.create("https://127.0.0.1:" + port + "/v1/echo"),
                    List.of(Map.entry("Authorization", "Bearer sk_test_tls")),
                    Optional.of(new UpstreamRequest.Body("application/json", body))));

            assertThat(reply).isInstanceOfSatisfying(HttpTransport.Reply.Answered.class, answered -> {
                assertThat(answered.status()).isEqualTo(201);
                assertThat(answered.body().bytes()).isEqualTo(body);
            });
        }
    }

    @Test
    void send_manyCallsAtOnceOverHttp2_eachGetsItsOwnAnswer() throws Exception {
        try (HttpTransport transport = transport(keyStore);
                var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<HttpTransport.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                String path = "/v1/customers/cus_" + i;
                replies.add(threads.submit(() -> transport.send(get(path))));
            }

            for (int i = 0; i < replies.size(); i++) {
                String expected = "{\"id\":\"cus_" + i + "\"}";
                assertThat(replies.get(i).get())
                        .isInstanceOfSatisfying(
                                HttpTransport.Reply.Answered.class,
                                a -> assertThat(text(a)).isEqualTo(expected));
            }
        }
    }

    @Test
    void send_http2BodyOverTheCap_isRefusedNotTruncated() {
        try (HttpTransport transport = transport(keyStore)) {
            HttpTransport.Reply reply = transport.send(get("/big"));

            assertThat(reply).isInstanceOfSatisfying(HttpTransport.Reply.Answered.class, answered -> {
                assertThat(answered.status()).isEqualTo(200);
                assertThat(answered.body().tooLarge()).isTrue();
                assertThat(answered.body().bytes()).isEmpty();
            });
        }
    }

    @Test
    void send_http2UpstreamTooSlow_endsWithTheReadTimeout() {
        try (HttpTransport transport = transport(keyStore)) {
            long started = System.nanoTime();

            HttpTransport.Reply reply = transport.send(get("/slow"));

            assertThat(reply)
                    .isEqualTo(new HttpTransport.Reply.NoAnswer(
                            new CallOutcome.Failed("the upstream did not answer within 1.5 s")));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void send_selfSignedUpstreamWithTheDefaultTrust_isRefusedAtTheHandshake() {
        try (HttpTransport transport = new HttpTransport(LIMITS)) {
            protocols.clear();

            HttpTransport.Reply reply = transport.send(get("/v1/customers/cus_1"));

            assertThat(reply)
                    .isEqualTo(new HttpTransport.Reply.NoAnswer(new CallOutcome.Failed(
                            "could not connect to the upstream: the TLS handshake with 127.0.0.1:" + port
                                    + " failed")));
            assertThat(protocols).isEmpty(); // nothing reached the upstream
        }
    }

    @Test
    void send_certificateForAnotherHost_isRefusedEvenWhenItsIssuerIsTrusted() {
        try (HttpTransport transport = transport(otherNameKeyStore)) {
            HttpTransport.Reply reply = transport.send(new UpstreamRequest(
                    "GET",
                    URI.create("https://127.0.0.1:" + otherNamePort + "/v1/customers/cus_1"),
                    List.of(),
                    Optional.empty()));

            assertThat(reply)
                    .isEqualTo(new HttpTransport.Reply.NoAnswer(new CallOutcome.Failed(
                            "could not connect to the upstream: the TLS handshake with 127.0.0.1:" + otherNamePort
                                    + " failed")));
        }
    }

    private static UpstreamRequest get(String path) {
        return new UpstreamRequest(
                "GET",
                URI.create("https://127.0.0.1:" + port + path),
                List.of(Map.entry("Authorization", "Bearer sk_test_tls")),
                Optional.empty());
    }

    private static String text(HttpTransport.Reply.Answered answered) {
        return new String(answered.body().bytes(), StandardCharsets.UTF_8);
    }

    private static HttpTransport transport(Path trustedStore) {
        return new HttpTransport(LIMITS, trusting(trustedStore), new AnswerBudget(1L << 30));
    }

    private static SslContextFactory.Client trusting(Path store) {
        SslContextFactory.Client tls = new SslContextFactory.Client();
        tls.setTrustStorePath(store.toString());
        tls.setTrustStorePassword(PASSWORD);
        tls.setTrustStoreType("PKCS12");
        return tls;
    }

    /** A self-signed EC certificate made with the JDK's keytool, valid for the given subject alternative names. */
    private static Path selfSigned(String name, String subjectAlternativeNames) throws Exception {
        Path store = dir.resolve(name);
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "upstream",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-dname",
                        "CN=upstream test",
                        "-ext",
                        "SAN=" + subjectAlternativeNames,
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        store.toString(),
                        "-storepass",
                        PASSWORD)
                .redirectErrorStream(true)
                .start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor()).as("keytool: %s", output).isZero();
        return store;
    }

    /** An https server offering h2 and http/1.1 by ALPN, answering a few fixed paths. */
    private static Server httpsServer(Path store) throws Exception {
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStorePath(store.toString());
        tls.setKeyStorePassword(PASSWORD);
        tls.setKeyStoreType("PKCS12");
        tls.setCipherComparator(HTTP2Cipher.COMPARATOR);
        HttpConfiguration config = new HttpConfiguration();
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false);
        config.addCustomizer(secure);
        HttpConnectionFactory http11 = new HttpConnectionFactory(config);
        HTTP2ServerConnectionFactory http2 = new HTTP2ServerConnectionFactory(config);
        ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory();
        alpn.setDefaultProtocol(http11.getProtocol());
        Server server = new Server();
        ServerConnector connector =
                new ServerConnector(server, new SslConnectionFactory(tls, alpn.getProtocol()), alpn, http2, http11);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                protocols.add(request.getConnectionMetaData().getHttpVersion().asString());
                String path = request.getHttpURI().getPath();
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                if (path.equals("/v1/echo")) {
                    java.nio.ByteBuffer body = Content.Source.asByteBuffer(request);
                    response.setStatus(201);
                    response.write(true, body, callback);
                } else if (path.equals("/big")) {
                    response.write(true, java.nio.ByteBuffer.wrap(new byte[64 * 1024]), callback);
                } else if (path.equals("/slow")) {
                    Thread.sleep(4000);
                    response.write(true, java.nio.ByteBuffer.wrap(new byte[] {'{', '}'}), callback);
                } else {
                    String id = path.substring(path.lastIndexOf('/') + 1);
                    Content.Sink.write(response, true, "{\"id\":\"" + id + "\"}", callback);
                }
                return true;
            }
        });
        server.start();
        return server;
    }
}
