package id.serambi.social.meta;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.serambi.media.MediaItem;
import id.serambi.media.MediaKind;
import id.serambi.social.MetaStubs;
import id.serambi.social.OutgoingPost;
import id.serambi.social.PublishedPost;
import id.serambi.social.SocialAccounts;
import id.serambi.social.SocialPlatform;
import id.serambi.support.PlatformStandIns;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Publishing on the library's Facebook Page through the social feature's facade. */
@QuarkusTest
@QuarkusTestResource(PlatformStandIns.class)
class FacebookPublishTest {

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
    void aTextPostGoesToThePageFeedWithItsPermalink() throws Throwable {
        String page = MetaStubs.PAGE_ID;
        PlatformStandIns.server().stubFor(post(urlPathEqualTo(MetaStubs.GRAPH + "/" + page + "/feed"))
                .withRequestBody(containing("access_token=" + MetaConnected.PAGE_TOKEN))
                .willReturn(okJson("{\"id\":\"" + page + "_555000111\"}")));
        PlatformStandIns.server().stubFor(get(urlPathEqualTo(MetaStubs.GRAPH + "/" + page + "_555000111"))
                .withQueryParam("fields", equalTo("permalink_url"))
                .willReturn(okJson("{\"permalink_url\":\"https://www.facebook.com/" + page + "/posts/555000111\",\"id\":\""
                        + page + "_555000111\"}")));

        PublishedPost published = VertxContextSupport.subscribeAndAwait(() -> accounts.publish(SocialPlatform.FACEBOOK,
                new OutgoingPost("Ayo ke perpustakaan! #AyoMembaca", List.of())));

        assertEquals(page + "_555000111", published.externalId());
        assertEquals("https://www.facebook.com/" + page + "/posts/555000111", published.permalink());
        PlatformStandIns.server().verify(postRequestedFor(urlPathEqualTo(MetaStubs.GRAPH + "/" + page + "/feed"))
                .withRequestBody(containing("message=Ayo+ke+perpustakaan%21+%23AyoMembaca")));
    }

    @Test
    void aPhotoPostGoesByItsPublicUrl() throws Throwable {
        String page = MetaStubs.PAGE_ID;
        PlatformStandIns.server().stubFor(post(urlPathEqualTo(MetaStubs.GRAPH + "/" + page + "/photos"))
                .willReturn(okJson("{\"id\":\"778899\",\"post_id\":\"" + page + "_778899\"}")));
        PlatformStandIns.server().stubFor(get(urlPathEqualTo(MetaStubs.GRAPH + "/" + page + "_778899"))
                .willReturn(okJson("{\"permalink_url\":\"https://www.facebook.com/photo/?fbid=778899\",\"id\":\"" + page + "_778899\"}")));
        MediaItem photo = new MediaItem(1, MediaKind.IMAGE, "image/jpeg", "poster.jpg", 200_000, 1080, 1350, null,
                "https://serambi.test/media/abc123.jpg");

        PublishedPost published = VertxContextSupport.subscribeAndAwait(() -> accounts.publish(SocialPlatform.FACEBOOK,
                new OutgoingPost("Poster acara", List.of(photo))));

        assertEquals(page + "_778899", published.externalId());
        assertEquals("https://www.facebook.com/photo/?fbid=778899", published.permalink());
        PlatformStandIns.server().verify(postRequestedFor(urlPathEqualTo(MetaStubs.GRAPH + "/" + page + "/photos"))
                .withRequestBody(containing("url=https%3A%2F%2Fserambi.test%2Fmedia%2Fabc123.jpg"))
                .withRequestBody(containing("message=Poster+acara")));
    }
}
