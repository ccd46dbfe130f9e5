package id.serambi.campaign.analytics;

import id.serambi.challenge.Challenges;
import id.serambi.common.ProblemException;
import id.serambi.common.SerambiConfig;
import id.serambi.event.Events;
import id.serambi.social.SocialPlatform;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The funnels of issue 22, from counts only: the links in scope ({@link FunnelRepository}), their clicks (people's
 * and bots' apart), the latest impressions of their variants, and what the registrations and joinings that carried
 * their codes became ({@link Events#referrals}, {@link Challenges#referrals}). Five reads, one after another on one
 * session; the figures are put together here.
 */
@ApplicationScoped
public class FunnelService {

    private final FunnelRepository funnels;
    private final Events events;
    private final Challenges challenges;
    private final SerambiConfig config;

    public FunnelService(FunnelRepository funnels, Events events, Challenges challenges, SerambiConfig config) {
        this.funnels = funnels;
        this.events = events;
        this.challenges = challenges;
        this.config = config;
    }

    /** A campaign's funnel: its variants' links and the partner links filed under it; 404 for no such campaign. */
    @WithSession
    public Uni<Funnel> ofCampaign(long campaignId, LocalDate from, LocalDate to) {
        return funnels.campaignTitle(campaignId).chain(title -> {
            if (title == null) {
                throw ProblemException.notFound("Campaign", campaignId);
            }
            return build(Funnel.Scope.CAMPAIGN, campaignId, title, () -> funnels.ofCampaign(campaignId), from, to);
        });
    }

    /** An event's funnel: every link to it; 404 for no such event. */
    @WithSession
    public Uni<Funnel> ofEvent(long eventId, LocalDate from, LocalDate to) {
        return events.find(eventId).chain(event -> {
            if (event == null) {
                throw ProblemException.notFound("Event", eventId);
            }
            return build(Funnel.Scope.EVENT, eventId, event.title(), () -> funnels.toEvent(eventId), from, to);
        });
    }

    /** A partner's funnel: their links; 404 for no such partner. */
    @WithSession
    public Uni<Funnel> ofPartner(long partnerId, LocalDate from, LocalDate to) {
        return funnels.partnerName(partnerId).chain(name -> {
            if (name == null) {
                throw ProblemException.notFound("Partner", partnerId);
            }
            return build(Funnel.Scope.PARTNER, partnerId, name, () -> funnels.ofPartner(partnerId), from, to);
        });
    }

    private Uni<Funnel> build(Funnel.Scope scope, long id, String title, Supplier<Uni<List<FunnelRepository.Link>>> links,
            LocalDate from, LocalDate to) {
        return links.get().chain(all -> {
            List<Long> linkIds = all.stream().map(FunnelRepository.Link::id).toList();
            List<String> codes = all.stream().map(FunnelRepository.Link::code).toList();
            List<Long> variantIds = all.stream().map(FunnelRepository.Link::variantId)
                    .filter(java.util.Objects::nonNull).distinct().toList();
            return funnels.clicks(linkIds, from, to)
                    .chain(clicks -> funnels.impressions(variantIds)
                            .chain(impressions -> events.referrals(codes, from, to)
                                    .chain(registrations -> challenges.referrals(codes, from, to)
                                            .map(joinings -> new Tally(all, clicks, impressions, registrations, joinings)
                                                    .funnel(scope, id, title, from, to,
                                                            config.library().timeZone().getId())))));
        });
    }

    /** The counts added up per link and per day, then grouped. */
    static final class Tally {

        /** Mutable counts of a link or a day. */
        static final class Counts {
            long clicks;
            long botClicks;
            long registrations;
            long confirmed;
            long attended;
            long joined;

            void add(Counts other) {
                clicks += other.clicks;
                botClicks += other.botClicks;
                registrations += other.registrations;
                confirmed += other.confirmed;
                attended += other.attended;
                joined += other.joined;
            }

            Funnel.Figures figures(Long impressions) {
                return new Funnel.Figures(impressions, clicks, botClicks, registrations, confirmed, attended, joined);
            }
        }

        private final List<FunnelRepository.Link> links;
        private final Map<Long, Long> impressions;
        private final Map<Long, Counts> byLink = new HashMap<>();
        private final TreeMap<LocalDate, Counts> byDay = new TreeMap<>();

        Tally(List<FunnelRepository.Link> links, List<FunnelRepository.Clicks> clicks, Map<Long, Long> impressions,
                List<Events.Referral> registrations, List<Challenges.Referral> joinings) {
            this.links = links;
            this.impressions = impressions;
            Map<String, Long> linkOfCode = new HashMap<>();
            links.forEach(l -> {
                linkOfCode.put(l.code(), l.id());
                byLink.put(l.id(), new Counts());
            });
            for (FunnelRepository.Clicks c : clicks) {
                for (Counts n : List.of(byLink.get(c.linkId()), day(c.day()))) {
                    if (c.bot()) {
                        n.botClicks += c.clicks();
                    } else {
                        n.clicks += c.clicks();
                    }
                }
            }
            for (Events.Referral r : registrations) {
                Long link = linkOfCode.get(r.code());
                if (link == null) {
                    continue;
                }
                for (Counts n : List.of(byLink.get(link), day(r.day()))) {
                    n.registrations += r.registrations();
                    n.confirmed += r.confirmed();
                    n.attended += r.attended();
                }
            }
            for (Challenges.Referral r : joinings) {
                Long link = linkOfCode.get(r.code());
                if (link == null) {
                    continue;
                }
                byLink.get(link).joined += r.joined();
                day(r.day()).joined += r.joined();
            }
        }

        private Counts day(LocalDate day) {
            return byDay.computeIfAbsent(day, d -> new Counts());
        }

        /** The counts of these links, with the impressions of their distinct variants (null when none reported). */
        private Funnel.Figures figures(List<FunnelRepository.Link> group) {
            Counts sum = new Counts();
            Set<Long> variants = new LinkedHashSet<>();
            for (FunnelRepository.Link l : group) {
                sum.add(byLink.get(l.id()));
                if (l.variantId() != null) {
                    variants.add(l.variantId());
                }
            }
            Long shown = null;
            for (Long v : variants) {
                Long seen = impressions.get(v);
                if (seen != null) {
                    shown = (shown == null ? 0 : shown) + seen;
                }
            }
            return sum.figures(shown);
        }

        private <K> Map<K, List<FunnelRepository.Link>> groups(Function<FunnelRepository.Link, K> key) {
            Map<K, List<FunnelRepository.Link>> groups = new LinkedHashMap<>();
            for (FunnelRepository.Link l : links) {
                K k = key.apply(l);
                if (k != null) {
                    groups.computeIfAbsent(k, x -> new ArrayList<>()).add(l);
                }
            }
            return groups;
        }

        Funnel funnel(Funnel.Scope scope, long id, String title, LocalDate from, LocalDate to, String zone) {
            Funnel.Figures totals = figures(links);
            List<Funnel.PlatformRow> platforms = new ArrayList<>();
            new TreeMap<>(groups(l -> l.variantId() == null ? null : SocialPlatform.valueOf(l.platform())))
                    .forEach((platform, group) -> {
                        Funnel.Figures f = figures(group);
                        platforms.add(new Funnel.PlatformRow(platform, f, Funnel.Rates.of(f)));
                    });
            List<Funnel.VariantRow> variants = new ArrayList<>();
            new TreeMap<>(groups(FunnelRepository.Link::variantId)).forEach((variant, group) -> {
                FunnelRepository.Link first = group.get(0);
                Funnel.Figures f = figures(group);
                variants.add(new Funnel.VariantRow(variant, first.postId(), SocialPlatform.valueOf(first.platform()),
                        first.excerpt(), f, Funnel.Rates.of(f)));
            });
            List<Funnel.PartnerRow> partners = new ArrayList<>();
            groups(FunnelRepository.Link::partnerId).forEach((partner, group) -> {
                FunnelRepository.Link first = group.get(0);
                Funnel.Figures f = figures(group);
                partners.add(new Funnel.PartnerRow(partner, first.partnerName(), first.partnerKind(), f,
                        Funnel.Rates.of(f)));
            });
            partners.sort(Comparator.comparing((Funnel.PartnerRow p) -> p.name().toLowerCase(java.util.Locale.ROOT))
                    .thenComparing(Funnel.PartnerRow::partnerId));
            List<Funnel.DayRow> days = new ArrayList<>();
            if (!byDay.isEmpty()) {
                for (LocalDate d = byDay.firstKey(); !d.isAfter(byDay.lastKey()); d = d.plusDays(1)) {
                    Funnel.Figures f = byDay.getOrDefault(d, new Counts()).figures(null);
                    days.add(new Funnel.DayRow(d, f, Funnel.Rates.of(f)));
                }
            }
            return new Funnel(scope, id, title, from, to, zone, Funnel.MINIMUM_BASE, totals, Funnel.Rates.of(totals),
                    platforms, variants, partners, days);
        }
    }
}
