package dev.toolgate.sandbox.plastiq;

import dev.toolgate.sandbox.emulation.SandboxJson;
import io.javalin.http.Context;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /documents}: hands out a pre-signed upload slot ({@code uploadURL} plus form fields) for a supporting
 * document of one payment intent, payment or recipient. The sandbox's upload URL is deliberately unresolvable
 * ({@code .invalid}): nothing is ever uploaded to it.
 */
final class DocumentRoutes {
    static final Set<String> FILE_TYPES = Set.of("doc", "docx", "gif", "jpeg", "jpg", "pdf", "xls", "xlsx");
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private DocumentRoutes() {}

    static void register(Endpoints endpoints) {
        endpoints.post("/documents", ctx -> create(endpoints.store(), ctx));
    }

    private static Reply create(PlastiqStore store, Context ctx) {
        JsonNode body = Endpoints.body(ctx);
        Violations v = new Violations();
        Optional<String> payerId = v.reference(body, "payer", true);
        v.oneOf(v.requiredText(body, "type", "type"), Set.of("INVOICE"), "type");
        v.oneOf(v.requiredText(body, "fileType", "fileType"), FILE_TYPES, "fileType");
        Optional<String> filename = v.requiredText(body, "filename", "filename");
        List<String> subjects = List.of("paymentIntent", "payment", "recipient").stream()
                .filter(body::has)
                .toList();
        if (subjects.size() != 1) {
            v.add("exactly one of paymentIntent, payment or recipient is required, got " + subjects);
        } else {
            v.reference(body, subjects.get(0), true);
        }
        v.throwIfAny();
        store.payer(payerId.get());
        String key = "documents/" + payerId.get() + "/" + PlastiqStore.newId() + "/" + filename.get();
        return Reply.ok(slot(store, key));
    }

    private static ObjectNode slot(PlastiqStore store, String key) {
        ObjectNode answer = SandboxJson.object();
        answer.put("uploadURL", "https://documents.plastiq-sandbox.invalid/");
        ObjectNode metadata = answer.putObject("metadata");
        String date = store.now().atOffset(ZoneOffset.UTC).format(AMZ_DATE);
        metadata.put("Key", key);
        metadata.put("success_action_status", "201");
        metadata.put("bucket", "plastiq-sandbox-documents");
        metadata.put("X-Amz-Algorithm", "AWS4-HMAC-SHA256");
        metadata.put("X-Amz-Credential", "SANDBOX/" + date.substring(0, 8) + "/us-east-1/s3/aws4_request");
        metadata.put("X-Amz-Date", date);
        metadata.put("X-Amz-Security-Token", "sandbox");
        metadata.put("Policy", "c2FuZGJveA==");
        metadata.put("X-Amz-Signature", "0".repeat(64));
        return answer;
    }
}
