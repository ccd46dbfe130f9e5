package id.serambi.campaign.partners;

import id.serambi.campaign.planning.CampaignRepository;
import id.serambi.challenge.Challenges;
import id.serambi.common.ProblemException;
import id.serambi.common.SerambiConfig;
import id.serambi.event.Events;
import id.serambi.survey.Surveys;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A partner's links: each is a tracked link ({@code /l/{code}}) to an event, a challenge, a survey or the home page,
 * optionally for a campaign, with a QR code for posters. A new link must point at something that exists and is still
 * open (an event neither cancelled nor completed, a challenge neither closed nor over, a survey not closed, a campaign
 * not over): anything else is a 400 naming the field. Links never change; staff delete one and make another.
 */
@ApplicationScoped
public class PartnerLinkService {

    /** Draws of a fresh code before giving up: with ~49 bits per code, a second draw is already a curiosity. */
    static final int CODE_ATTEMPTS = 5;

    private final PartnerRepository partners;
    private final PartnerLinkRepository links;
    private final PartnerLinkCodes codes;
    private final PartnerQr qr;
    private final CampaignRepository campaigns;
    private final Events events;
    private final Challenges challenges;
    private final Surveys surveys;
    private final SerambiConfig config;

    public PartnerLinkService(PartnerRepository partners, PartnerLinkRepository links, PartnerLinkCodes codes, PartnerQr qr,
            CampaignRepository campaigns, Events events, Challenges challenges, Surveys surveys, SerambiConfig config) {
        this.partners = partners;
        this.links = links;
        this.codes = codes;
        this.qr = qr;
        this.campaigns = campaigns;
        this.events = events;
        this.challenges = challenges;
        this.surveys = surveys;
        this.config = config;
    }

    /** A QR code of a partner's link, with the URL it carries. */
    public record QrCode(String url, byte[] png) {
    }

    @WithTransaction
    public Uni<PartnerDtos.LinkView> create(long partnerId, PartnerDtos.LinkRequest request) {
        String label = request.label() == null || request.label().isBlank() ? null : request.label().strip();
        return partner(partnerId)
                .chain(() -> openTarget(request.targetKind(), request.targetId()))
                .chain(title -> openCampaign(request.campaignId())
                        .chain(() -> insert(partnerId, request, label, 1))
                        .map(row -> view(row, title)));
    }

    /** The partner's links, the newest first, each with its target's title. */
    @WithSession
    public Uni<List<PartnerDtos.LinkView>> list(long partnerId) {
        return partner(partnerId).chain(() -> links.ofPartner(partnerId)).chain(this::withTitles);
    }

    @WithSession
    public Uni<PartnerDtos.LinkView> get(long partnerId, long linkId) {
        return link(partnerId, linkId).chain(row -> title(row.targetKind(), row.targetId()).map(t -> view(row, t)));
    }

    /** Deletes the link and its click counts; registrations that came through it keep the (now dead) code. */
    @WithTransaction
    public Uni<Void> delete(long partnerId, long linkId) {
        return partner(partnerId).chain(() -> links.delete(partnerId, linkId)).map(deleted -> {
            if (!deleted) {
                throw ProblemException.notFound("Link", linkId);
            }
            return null;
        });
    }

    /** The link's QR code, carrying {@code <public URL>/l/<code>}. */
    @WithSession
    public Uni<QrCode> qrCode(long partnerId, long linkId) {
        return link(partnerId, linkId).map(row -> new QrCode(qr.url(row.code()), qr.png(row.code())));
    }

    private Uni<PartnerLinkRepository.Row> insert(long partnerId, PartnerDtos.LinkRequest r, String label, int attempt) {
        return links.create(partnerId, codes.next(), r.targetKind(), r.targetId(), r.campaignId(), label).chain(row -> {
            if (row != null) {
                return Uni.createFrom().item(row);
            }
            if (attempt >= CODE_ATTEMPTS) {
                return Uni.createFrom().failure(new IllegalStateException(
                        CODE_ATTEMPTS + " fresh link codes in a row were taken: is the code source broken?"));
            }
            return insert(partnerId, r, label, attempt + 1);
        });
    }

    private Uni<Void> partner(long partnerId) {
        return partners.find(partnerId, false).map(p -> {
            if (p == null) {
                throw ProblemException.notFound("Partner", partnerId);
            }
            return null;
        });
    }

    private Uni<PartnerLinkRepository.Row> link(long partnerId, long linkId) {
        return partner(partnerId).chain(() -> links.find(partnerId, linkId)).map(row -> {
            if (row == null) {
                throw ProblemException.notFound("Link", linkId);
            }
            return row;
        });
    }

    /** Completes with the target's title (null for HOME) when a new link may point at it; else a 400 naming targetId. */
    private Uni<String> openTarget(PartnerLinkTarget kind, Long id) {
        if (kind == PartnerLinkTarget.HOME) {
            if (id != null) {
                throw ProblemException.invalidField("targetId", "the home page has no id: leave targetId out for HOME");
            }
            return Uni.createFrom().nullItem();
        }
        if (id == null) {
            throw ProblemException.invalidField("targetId", "required for a " + kind.name()
                    + " link (only HOME takes none)");
        }
        return switch (kind) {
            case EVENT -> events.find(id).map(e -> {
                if (e == null) {
                    throw ProblemException.invalidField("targetId", "no event has the id " + id);
                }
                if (!e.upcoming()) {
                    throw ProblemException.invalidField("targetId", "event " + id + " is " + e.status()
                            + ": link to an event that is still to come");
                }
                return e.title();
            });
            case CHALLENGE -> challenges.find(id).chain(c -> {
                if (c == null) {
                    throw ProblemException.invalidField("targetId", "no challenge has the id " + id);
                }
                return challenges.closed(id).map(closed -> {
                    if (Boolean.TRUE.equals(closed)) {
                        throw ProblemException.invalidField("targetId", "challenge " + id
                                + " is closed or over: link to a challenge that still takes entries");
                    }
                    return c.title();
                });
            });
            case SURVEY -> surveys.summary(id).map(found -> {
                Surveys.Summary s = found.orElseThrow(() -> ProblemException.invalidField("targetId",
                        "no survey has the id " + id));
                if ("CLOSED".equals(s.status())) {
                    throw ProblemException.invalidField("targetId", "survey " + id
                            + " is closed: link to a draft or a published survey");
                }
                return s.titleId();
            });
            case HOME -> Uni.createFrom().nullItem();
        };
    }

    /** Completes when the campaign (if any) exists and has not ended in the library's time zone; else a 400 naming campaignId. */
    private Uni<Void> openCampaign(Long campaignId) {
        if (campaignId == null) {
            return Uni.createFrom().voidItem();
        }
        LocalDate today = LocalDate.now(config.library().timeZone());
        return campaigns.findById(campaignId).map(c -> {
            if (c == null) {
                throw ProblemException.invalidField("campaignId", "no campaign has the id " + campaignId);
            }
            if (c.endsOn.isBefore(today)) {
                throw ProblemException.invalidField("campaignId", "campaign " + campaignId + " ended on " + c.endsOn
                        + ": choose a campaign that is not over, or none");
            }
            return null;
        });
    }

    /** The target's title for a list, or null for HOME and for a target that is gone. */
    private Uni<String> title(PartnerLinkTarget kind, Long id) {
        if (id == null) {
            return Uni.createFrom().nullItem();
        }
        return switch (kind) {
            case EVENT -> events.find(id).map(e -> e == null ? null : e.title());
            case CHALLENGE -> challenges.find(id).map(c -> c == null ? null : c.title());
            case SURVEY -> surveys.summary(id).map(s -> s.map(Surveys.Summary::titleId).orElse(null));
            case HOME -> Uni.createFrom().nullItem();
        };
    }

    /** The rows as views, looking each distinct target up once, one after the other on the session. */
    private Uni<List<PartnerDtos.LinkView>> withTitles(List<PartnerLinkRepository.Row> rows) {
        Map<String, String> titles = new HashMap<>();
        Uni<List<PartnerDtos.LinkView>> chain = Uni.createFrom().item(new ArrayList<>());
        for (PartnerLinkRepository.Row row : rows) {
            String key = row.targetKind() + ":" + row.targetId();
            chain = chain.chain(views -> (titles.containsKey(key) ? Uni.createFrom().item(titles.get(key))
                    : title(row.targetKind(), row.targetId()).invoke(t -> titles.put(key, t)))
                    .map(t -> {
                        views.add(view(row, t));
                        return views;
                    }));
        }
        return chain;
    }

    private PartnerDtos.LinkView view(PartnerLinkRepository.Row row, String title) {
        return new PartnerDtos.LinkView(row.id(), row.code(), qr.url(row.code()), row.targetKind(), row.targetId(), title,
                row.campaignId(), row.label(), row.createdAt());
    }
}
