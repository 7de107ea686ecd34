package org.lightlyjava.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.lightlyjava.server.testing.Api;
import org.lightlyjava.server.testing.Response;
import org.lightlyjava.server.testing.ServerTestBase;

/** The web page's files: served without a token, with their types, policy and validators. */
class WebRoutesTest extends ServerTestBase {

    private Response get(String path, String... headers) {
        return Api.request("GET", alice.base() + path, null, headers);
    }

    @Test
    void theRoot_isThePage_withItsPolicy() {
        Response page = get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("text/html;")
                .endsWith("charset=utf-8");
        assertThat(page.body()).contains("<script type=\"module\" src=\"/web/app.js\">");
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy)
                .contains("default-src 'none'")
                .contains("script-src 'self'")
                .contains("img-src 'self' https: http:")
                .contains("connect-src 'self'")
                .contains("frame-ancestors 'none'")
                .doesNotContain("unsafe");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-cache");
    }

    @Test
    void files_haveTheirTypes_andRevalidateByETag() {
        Response js = get("/web/app.js");
        assertThat(js.status()).isEqualTo(200);
        assertThat(js.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("text/javascript;");
        assertThat(get("/web/style.css").headers().firstValue("Content-Type").orElseThrow())
                .startsWith("text/css;");
        assertThat(get("/web/icon.svg").headers().firstValue("Content-Type"))
                .contains("image/svg+xml");
        String etag = js.headers().firstValue("ETag").orElseThrow();
        Response again = get("/web/app.js", "If-None-Match", etag);
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(get("/web/app.js", "If-None-Match", "\"other\"").status()).isEqualTo(200);
    }

    @Test
    void everyModuleThePageImports_isServed() {
        List<String> pending = new java.util.ArrayList<>(List.of("app.js"));
        java.util.Set<String> seen = new java.util.HashSet<>();
        Pattern imports = Pattern.compile("from '\\./([a-z0-9-]+\\.js)'");
        while (!pending.isEmpty()) {
            String name = pending.remove(0);
            if (!seen.add(name)) {
                continue;
            }
            Response module = get("/web/" + name);
            assertThat(module.status()).as(name).isEqualTo(200);
            Matcher m = imports.matcher(module.body());
            while (m.find()) {
                pending.add(m.group(1));
            }
        }
        assertThat(seen).contains("api.js", "bitmask.js", "map.js", "scatter.js", "grid.js");
    }

    @Test
    void otherNames_areNotFound() {
        for (String path :
                List.of(
                        "/web/nothing.js",
                        "/web/APP.js",
                        "/web/..%2Forg%2Flightlyjava%2Fserver%2Fversion.properties",
                        "/web/",
                        "/web/app.js.map",
                        "/index.html")) {
            Response r = get(path);
            assertThat(r.status()).as(path).isIn(404, 401);
            assertThat(r.body()).as(path).doesNotContain("version=");
        }
    }
}
