package org.lightlyjava.server.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small STS on loopback for delegated access: it answers {@code AssumeRole} (AWS query protocol,
 * form-encoded POST) like AWS's STS, trusting one role with one external ID (as a role's trust
 * policy would), and hands out session credentials that {@link S3Server} accepts (its key pair,
 * with a session token). Every request is kept for the test to look at. Only the request's shape
 * and the caller's access key are checked, not its signature's value.
 */
public final class StsServer implements AutoCloseable {

    /** The access key id the server under test uses as its own identity. */
    public static final String SERVER_ACCESS_KEY = "AKIDSERVEROWN0001";

    public static final String SERVER_SECRET = "server-own-secret-0123456789abcdef";

    public static final String ROLE_ARN = "arn:aws:iam::123456789012:role/lightly-access";

    public static final String EXTERNAL_ID = "lightly-external-0001";

    public static final String SESSION_TOKEN = "FwoGZXIvYXdzTESTSESSIONTOKEN0123456789";

    /** One AssumeRole call as received. */
    public record Call(Map<String, String> form, String authorization) {}

    private final HttpServer http;
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    private StsServer(HttpServer http) {
        this.http = http;
    }

    public static StsServer start() throws IOException {
        HttpServer http =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        StsServer sts = new StsServer(http);
        http.createContext("/", sts::handle);
        http.start();
        return sts;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body =
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> form = form(body);
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            calls.add(new Call(form, authorization));
            if (!"POST".equals(exchange.getRequestMethod())
                    || !"AssumeRole".equals(form.get("Action"))) {
                answer(exchange, 400, error("InvalidAction", "only AssumeRole is served here"));
            } else if (authorization == null
                    || !authorization.startsWith(
                            "AWS4-HMAC-SHA256 Credential=" + SERVER_ACCESS_KEY + "/")
                    || !authorization.contains("Signature=")) {
                answer(exchange, 403, error("InvalidClientTokenId", "unsigned or unknown caller"));
            } else if (!ROLE_ARN.equals(form.get("RoleArn"))
                    || !EXTERNAL_ID.equals(form.get("ExternalId"))) {
                answer(
                        exchange,
                        403,
                        error(
                                "AccessDenied",
                                "User: arn:aws:iam::111122223333:user/lightly-server is not"
                                        + " authorized to perform: sts:AssumeRole on resource: "
                                        + form.get("RoleArn")));
            } else {
                answer(exchange, 200, credentials(form.get("RoleSessionName")));
            }
        }
    }

    private static String credentials(String sessionName) {
        Instant expiry = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        return "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                + "<AssumeRoleResult><Credentials>"
                + "<AccessKeyId>"
                + S3Server.ACCESS_KEY
                + "</AccessKeyId><SecretAccessKey>"
                + S3Server.SECRET_KEY
                + "</SecretAccessKey><SessionToken>"
                + SESSION_TOKEN
                + "</SessionToken><Expiration>"
                + expiry
                + "</Expiration></Credentials>"
                + "<AssumedRoleUser><AssumedRoleId>AROATESTROLE:"
                + sessionName
                + "</AssumedRoleId><Arn>arn:aws:sts::123456789012:assumed-role/lightly-access/"
                + sessionName
                + "</Arn></AssumedRoleUser></AssumeRoleResult>"
                + "<ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata>"
                + "</AssumeRoleResponse>";
    }

    private static String error(String code, String message) {
        return "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error>"
                + "<Type>Sender</Type><Code>"
                + code
                + "</Code><Message>"
                + message
                + "</Message></Error><RequestId>req-2</RequestId></ErrorResponse>";
    }

    private static void answer(HttpExchange exchange, int status, String xml) throws IOException {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            form.put(
                    URLDecoder.decode(key, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return form;
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
