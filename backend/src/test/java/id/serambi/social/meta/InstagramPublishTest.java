package id.serambi.social.meta;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import id.serambi.media.MediaItem;
import id.serambi.media.MediaKind;
import id.serambi.social.MetaStubs;
import id.serambi.social.OutgoingPost;
import id.serambi.social.PublishFailure;
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

/** Instagram's content publishing: container → status_code polled until FINISHED → media_publish → permalink. */
@QuarkusTest
@QuarkusTestResource(PlatformStandIns.class)
class InstagramPublishTest {

    static final String IG = MetaStubs.GRAPH + "/" + MetaStubs.IG_ID;
    static final MediaItem PHOTO = new MediaItem(7, MediaKind.IMAGE, "image/jpeg", "sampul.jpg", 300_000, 1080, 1350,
            null, "https://serambi.test/media/k9f3a1.jpg");
    static final MediaItem PHOTO_2 = new MediaItem(8, MediaKind.IMAGE, "image/jpeg", "isi.jpg", 250_000, 1080, 1080,
            null, "https://serambi.test/media/p2x7q0.jpg");
    static final MediaItem REEL = new MediaItem(9, MediaKind.VIDEO, "video/mp4", "cuplikan.mp4", 9_000_000, 1080, 1920,
            30_000L, "https://serambi.test/media/v8b2c4.mp4");

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

    private static void publishes(String container, String mediaId) {
        PlatformStandIns.server().stubFor(post(urlPathEqualTo(IG + "/media_publish"))
                .withRequestBody(containing("creation_id=" + container))
                .willReturn(okJson("{\"id\":\"" + mediaId + "\"}")));
        PlatformStandIns.server().stubFor(get(urlPathEqualTo(MetaStubs.GRAPH + "/" + mediaId))
                .willReturn(okJson("{\"permalink\":\"https://www.instagram.com/p/DAbC123xYz/\",\"id\":\"" + mediaId + "\"}")));
    }

    private static void status(String container, String scenarioState, String nextState, String code) {
        var stub = get(urlPathEqualTo(MetaStubs.GRAPH + "/" + container)).inScenario("container " + container)
                .whenScenarioStateIs(scenarioState)
                .willReturn(okJson("{\"status_code\":\"" + code + "\",\"id\":\"" + container + "\"}"));
        PlatformStandIns.server().stubFor(nextState == null ? stub : stub.willSetStateTo(nextState));
    }

    @Test
    void anImageWaitsForItsContainerThenIsPublished() throws Throwable {
        PlatformStandIns.server().stubFor(post(urlPathEqualTo(IG + "/media"))
                .withRequestBody(containing("image_url=https%3A%2F%2Fserambi.test%2Fmedia%2Fk9f3a1.jpg"))
                .withRequestBody(containing("caption=Buku+baru"))
                .willReturn(okJson("{\"id\":\"17889455560051444\"}")));
        status("17889455560051444", Scenario.STARTED, "processed", "IN_PROGRESS");
        status("17889455560051444", "processed", null, "FINISHED");
        publishes("17889455560051444", "17920238422030506");

        PublishedPost published = VertxContextSupport.subscribeAndAwait(() -> accounts.publish(SocialPlatform.INSTAGRAM,
                new OutgoingPost("Buku baru #AyoMembaca", List.of(PHOTO))));

        assertEquals("17920238422030506", published.externalId());
        assertEquals("https://www.instagram.com/p/DAbC123xYz/", published.permalink());
        PlatformStandIns.server().verify(2, getRequestedFor(urlPathEqualTo(MetaStubs.GRAPH + "/17889455560051444")));
        PlatformStandIns.server().verify(1, postRequestedFor(urlPathEqualTo(IG + "/media_publish"))
                .withRequestBody(containing("access_token=" + MetaConnected.PAGE_TOKEN)));
    }

    @Test
    void aVideoGoesAsAReel() throws Throwable {
        PlatformStandIns.server().stubFor(post(urlPathEqualTo(IG + "/media"))
                .withRequestBody(containing("media_type=REELS"))
                .withRequestBody(containing("video_url=https%3A%2F%2Fserambi.test%2Fmedia%2Fv8b2c4.mp4"))
                .willReturn(okJson("{\"id\":\"1790000000000001\"}")));
        status("1790000000000001", Scenario.STARTED, null, "FINISHED");
        publishes("1790000000000001", "1790000000000999");
        PublishedPost published = VertxContextSupport.subscribeAndAwait(() -> accounts.publish(SocialPlatform.INSTAGRAM,
                new OutgoingPost("Cuplikan acara", List.of(REEL))));
        assertEquals("1790000000000999", published.externalId());
    }

    @Test
    void severalImagesGoAsACarousel() throws Throwable {
        PlatformStandIns.server().stubFor(post(urlPathEqualTo(IG + "/media")).withRequestBody(containing("is_carousel_item=true"))
                .withRequestBody(containing("k9f3a1.jpg")).willReturn(okJson("{\"id\":\"111\"}")));
        PlatformStandIns.server().stubFor(post(urlPathEqualTo(IG + "/media")).withRequestBody(containing("is_carousel_item=true"))
                .withRequestBody(containing("p2x7q0.jpg")).willReturn(okJson("{\"id\":\"222\"}")));
        PlatformStandIns.server().stubFor(post(urlPathEqualTo(IG + "/media")).withRequestBody(containing("media_type=CAROUSEL"))
                .withRequestBody(containing("children=111%2C222")).willReturn(okJson("{\"id\":\"333\"}")));
        status("111", Scenario.STARTED, null, "FINISHED");
        status("222", Scenario.STARTED, null, "FINISHED");
        status("333", Scenario.STARTED, null, "FINISHED");
        publishes("333", "444");
        PublishedPost published = VertxContextSupport.subscribeAndAwait(() -> accounts.publish(SocialPlatform.INSTAGRAM,
                new OutgoingPost("Dua foto", List.of(PHOTO, PHOTO_2))));
        assertEquals("444", published.externalId());
    }

    @Test
    void aContainerInErrorIsPermanentAndNothingIsPublished() {
        PlatformStandIns.server().stubFor(post(urlPathEqualTo(IG + "/media")).willReturn(okJson("{\"id\":\"555\"}")));
        PlatformStandIns.server().stubFor(get(urlPathEqualTo(MetaStubs.GRAPH + "/555")).willReturn(okJson(
                "{\"status_code\":\"ERROR\",\"status\":\"Error: Media ID 555 could not be processed: the image's aspect ratio is not supported\",\"id\":\"555\"}")));
        PublishFailure failure = assertThrows(PublishFailure.class, () -> VertxContextSupport.subscribeAndAwait(
                () -> accounts.publish(SocialPlatform.INSTAGRAM, new OutgoingPost("x", List.of(PHOTO)))));
        assertEquals(PublishFailure.Kind.PERMANENT, failure.kind());
        assertTrue(failure.getMessage().contains("aspect ratio"), failure.getMessage());
        PlatformStandIns.server().verify(0, postRequestedFor(urlPathEqualTo(IG + "/media_publish")));
    }

    @Test
    void aContainerStillProcessingAfterTheWaitIsTemporary() {
        PlatformStandIns.server().stubFor(post(urlPathEqualTo(IG + "/media")).willReturn(okJson("{\"id\":\"666\"}")));
        PlatformStandIns.server().stubFor(get(urlPathEqualTo(MetaStubs.GRAPH + "/666")).willReturn(okJson(
                "{\"status_code\":\"IN_PROGRESS\",\"id\":\"666\"}")));
        PublishFailure failure = assertThrows(PublishFailure.class, () -> VertxContextSupport.subscribeAndAwait(
                () -> accounts.publish(SocialPlatform.INSTAGRAM, new OutgoingPost("x", List.of(REEL)))));
        assertEquals(PublishFailure.Kind.TEMPORARY, failure.kind());
        PlatformStandIns.server().verify(0, postRequestedFor(urlPathEqualTo(IG + "/media_publish")));
    }

    @Test
    void withoutMediaInstagramIsNotCalled() {
        PublishFailure failure = assertThrows(PublishFailure.class, () -> VertxContextSupport.subscribeAndAwait(
                () -> accounts.publish(SocialPlatform.INSTAGRAM, new OutgoingPost("hanya teks", List.of()))));
        assertEquals(PublishFailure.Kind.PERMANENT, failure.kind());
        assertEquals(0, PlatformStandIns.server().getAllServeEvents().size());
    }
}
