package id.serambi.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * One local stand-in (WireMock) for every platform the app calls, started once for the whole test run (a global test
 * resource: every {@code @QuarkusTest} shares the app it configures). Meta's Graph API answers under
 * {@code /meta/v23.0}, Facebook Login's dialog under {@code /meta-dialog}, the X API under {@code /x}, X's authorize
 * page under {@code /x-authorize}. Each test stubs the answers it needs with the request and response shapes of the
 * platform's documentation, through {@link #server()}, and should remove its stubs afterwards
 * ({@code server().resetAll()} in an {@code @AfterEach}) since tests share the server.
 * <p>
 * Use it on a test class with {@code @QuarkusTestResource(PlatformStandIns.class)}; the app's config then points at it.
 */
public class PlatformStandIns implements QuarkusTestResourceLifecycleManager {

    /** The WhatsApp Cloud API's stand-in answers under /whatsapp/v23.0/{WHATSAPP_PHONE_NUMBER_ID}/messages. */
    public static final String WHATSAPP_PHONE_NUMBER_ID = "106540352242922";
    public static final String WHATSAPP_TOKEN = "test-whatsapp-token";
    public static final String WHATSAPP_APP_SECRET = "test-whatsapp-app-secret";

    private static WireMockServer server;

    /** The stand-in, for stubbing and verifying requests. */
    public static WireMockServer server() {
        if (server == null) {
            throw new IllegalStateException("PlatformStandIns is not started: annotate the test with "
                    + "@QuarkusTestResource(PlatformStandIns.class)");
        }
        return server;
    }

    /** The stand-in's base URL, e.g. for building expected permalinks. */
    public static String baseUrl() {
        return server().baseUrl();
    }

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                    .globalTemplating(true).containerThreads(16));
            server.start();
        }
        String base = server.baseUrl();
        return Map.ofEntries(
                Map.entry("serambi.whatsapp.api-url", base + "/whatsapp/v23.0"),
                Map.entry("serambi.whatsapp.phone-number-id", WHATSAPP_PHONE_NUMBER_ID),
                Map.entry("serambi.whatsapp.access-token", WHATSAPP_TOKEN),
                Map.entry("serambi.whatsapp.app-secret", WHATSAPP_APP_SECRET),
                Map.entry("serambi.whatsapp.verify-token", "test-verify-token"),
                Map.entry("serambi.whatsapp.timeout", "PT2S"),
                Map.entry("serambi.social.meta-graph-url", base + "/meta/v23.0"),
                Map.entry("serambi.social.meta-oauth-url", base + "/meta-dialog/v23.0/dialog/oauth"),
                Map.entry("serambi.social.meta-app-id", "1234567890"),
                Map.entry("serambi.social.meta-app-secret", "test-app-secret"),
                Map.entry("serambi.social.x-api-url", base + "/x"),
                Map.entry("serambi.social.x-oauth-url", base + "/x-authorize/i/oauth2/authorize"),
                Map.entry("serambi.social.x-client-id", "test-x-client"),
                Map.entry("serambi.social.x-client-secret", "test-x-secret"),
                Map.entry("serambi.social.timeout", "PT2S"));
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }
}
