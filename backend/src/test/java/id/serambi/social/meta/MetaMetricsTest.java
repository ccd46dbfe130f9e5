package id.serambi.social.meta;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.client.WireMock;
import id.serambi.social.MetaStubs;
import id.serambi.social.PostMetrics;
import id.serambi.social.SocialAccounts;
import id.serambi.social.SocialPlatform;
import id.serambi.support.PlatformStandIns;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A published post's figures, from Facebook post insights and Instagram media insights, into {@link PostMetrics}. */
@QuarkusTest
@QuarkusTestResource(PlatformStandIns.class)
class MetaMetricsTest {

    @Inject
    AgroalDataSource db;

    @Inject
    SocialAccounts accounts;

    @BeforeEach
    void connect() {
        MetaConnected.connect(db);
    }

    @AfterEach
    void reset() {
        PlatformStandIns.server().resetAll();
    }

    @Test
    void facebookPostFieldsAndInsights() throws Throwable {
        String post = MetaStubs.PAGE_ID + "_555000111";
        PlatformStandIns.server().stubFor(get(urlPathEqualTo(MetaStubs.GRAPH + "/" + post))
                .willReturn(okJson("""
                        {"shares":{"count":4},
                         "comments":{"data":[],"summary":{"order":"ranked","total_count":12,"can_comment":true}},
                         "reactions":{"data":[],"summary":{"total_count":87,"viewer_reaction":"NONE"}},
                         "id":"%s"}""".formatted(post))));
        PlatformStandIns.server().stubFor(get(urlPathEqualTo(MetaStubs.GRAPH + "/" + post + "/insights"))
                .withQueryParam("metric", WireMock.equalTo(FacebookProvider.INSIGHT_METRICS))
                .willReturn(okJson("""
                        {"data":[
                          {"name":"post_impressions","period":"lifetime","values":[{"value":1520}],"title":"Lifetime Post Total Impressions","id":"%1$s/insights/post_impressions/lifetime"},
                          {"name":"post_impressions_unique","period":"lifetime","values":[{"value":1104}],"title":"Lifetime Post Total Reach","id":"%1$s/insights/post_impressions_unique/lifetime"},
                          {"name":"post_clicks","period":"lifetime","values":[{"value":63}],"title":"Lifetime Post Clicks","id":"%1$s/insights/post_clicks/lifetime"}],
                         "paging":{"previous":"x","next":"y"}}""".formatted(post))));

        PostMetrics m = VertxContextSupport.subscribeAndAwait(() -> accounts.metrics(SocialPlatform.FACEBOOK, post));
        assertEquals(new PostMetrics(1520L, 1104L, 87L, 12L, 4L, null, 63L, null), m);
    }

    @Test
    void facebookWithoutInsightsStillGivesReactionsCommentsAndShares() throws Throwable {
        String post = MetaStubs.PAGE_ID + "_9";
        PlatformStandIns.server().stubFor(get(urlPathEqualTo(MetaStubs.GRAPH + "/" + post))
                .willReturn(okJson("{\"comments\":{\"data\":[],\"summary\":{\"total_count\":1}},\"reactions\":{\"data\":[],\"summary\":{\"total_count\":2}},\"id\":\"" + post + "\"}")));
        PlatformStandIns.server().stubFor(get(urlPathEqualTo(MetaStubs.GRAPH + "/" + post + "/insights"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody(
                        "{\"error\":{\"message\":\"(#100) The value must be a valid insights metric\",\"type\":\"OAuthException\",\"code\":100}}")));
        PostMetrics m = VertxContextSupport.subscribeAndAwait(() -> accounts.metrics(SocialPlatform.FACEBOOK, post));
        assertEquals(new PostMetrics(null, null, 2L, 1L, 0L, null, null, null), m);
    }

    @Test
    void instagramMediaInsights() throws Throwable {
        String media = "17920238422030506";
        PlatformStandIns.server().stubFor(get(urlPathEqualTo(MetaStubs.GRAPH + "/" + media))
                .willReturn(okJson("{\"like_count\":40,\"comments_count\":5,\"id\":\"" + media + "\"}")));
        PlatformStandIns.server().stubFor(get(urlPathEqualTo(MetaStubs.GRAPH + "/" + media + "/insights"))
                .withQueryParam("metric", WireMock.equalTo(InstagramProvider.INSIGHT_METRICS))
                .willReturn(okJson("""
                        {"data":[
                          {"name":"views","period":"lifetime","values":[{"value":2300}],"title":"Views","id":"%1$s/insights/views/lifetime"},
                          {"name":"reach","period":"lifetime","values":[{"value":1800}],"title":"Accounts reached","id":"%1$s/insights/reach/lifetime"},
                          {"name":"likes","period":"lifetime","values":[{"value":41}],"title":"Likes","id":"%1$s/insights/likes/lifetime"},
                          {"name":"comments","period":"lifetime","values":[{"value":5}],"title":"Comments","id":"%1$s/insights/comments/lifetime"},
                          {"name":"shares","period":"lifetime","values":[{"value":3}],"title":"Shares","id":"%1$s/insights/shares/lifetime"},
                          {"name":"saved","period":"lifetime","values":[{"value":9}],"title":"Saved","id":"%1$s/insights/saved/lifetime"}]}"""
                        .formatted(media))));
        PostMetrics m = VertxContextSupport.subscribeAndAwait(() -> accounts.metrics(SocialPlatform.INSTAGRAM, media));
        assertEquals(new PostMetrics(2300L, 1800L, 41L, 5L, 3L, 9L, null, null), m);
    }
}
