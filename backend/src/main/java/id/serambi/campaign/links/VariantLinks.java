package id.serambi.campaign.links;

import id.serambi.campaign.links.LinkRepository.VariantLinkRow;
import id.serambi.campaign.links.LinkRepository.Wanted;
import id.serambi.challenge.Challenges;
import id.serambi.common.SerambiConfig;
import id.serambi.event.Events;
import id.serambi.survey.Surveys;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The tracked links of post variants: each variant that points to an event, a challenge or a survey gets its own link
 * per target, so the funnel can tell which platform's post brought a click. Used by the posts capability in the post's
 * own session and transaction.
 *
 * <p>Every {@code {publicUrl}/acara/{id}}, {@code /tantangan/{id}} and {@code /survei/{id}} in a variant's text, for a
 * target that exists, becomes {@code {publicUrl}/l/{code}}: the variant's link for that target, made on the first save
 * and the same on every later one. A URL with a query or more path after it, another site's URL, and an existing
 * {@code /l/} link stay as they are.
 */
@ApplicationScoped
public class VariantLinks {

    @Schema(name = "VariantLink", description = "A variant's tracked link: a 302 to its target's page that counts the click")
    public record VariantLink(@Schema(examples = "k7m2p9xq4t") String code,
            @Schema(examples = "https://serambi.id/l/k7m2p9xq4t") String url,
            @Schema(examples = "EVENT") TargetKind targetKind,
            @Schema(examples = "12") Long targetId) {
    }

    private record Target(TargetKind kind, long id) {
    }

    private static final int ATTEMPTS = 5;

    private final LinkRepository links;
    private final Events events;
    private final Challenges challenges;
    private final Surveys surveys;
    private final String publicUrl;
    private final Pattern pageUrl;
    private final Pattern linkUrl;

    public VariantLinks(LinkRepository links, Events events, Challenges challenges, Surveys surveys,
            SerambiConfig config) {
        this.links = links;
        this.events = events;
        this.challenges = challenges;
        this.surveys = surveys;
        String url = config.publicUrl();
        this.publicUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.pageUrl = Pattern.compile(Pattern.quote(publicUrl) + "/(acara|tantangan|survei)/([1-9][0-9]{0,17})(?![\\w/]|[?#]\\S)",
                Pattern.CASE_INSENSITIVE);
        this.linkUrl = Pattern.compile(Pattern.quote(publicUrl) + "/l/(" + LinkCodes.REGEX + ")(?![\\w/])",
                Pattern.CASE_INSENSITIVE);
    }

    /** The public URL of the link with this code. */
    public String url(String code) {
        return publicUrl + LinkRedirect.PREFIX + code;
    }

    /**
     * The variants' texts (by variant id) with their pages' URLs replaced by the variants' own links, made where
     * missing; only the variants whose text changed are in the result.
     */
    public Uni<Map<Long, String>> link(Map<Long, String> texts) {
        Map<Long, Set<Target>> wantedBy = new LinkedHashMap<>();
        Set<Target> all = new LinkedHashSet<>();
        texts.forEach((variant, text) -> {
            Matcher m = pageUrl.matcher(text == null ? "" : text);
            while (m.find()) {
                Target t = new Target(TargetKind.ofSegment(m.group(1).toLowerCase(java.util.Locale.ROOT)),
                        Long.parseLong(m.group(2)));
                wantedBy.computeIfAbsent(variant, v -> new LinkedHashSet<>()).add(t);
                all.add(t);
            }
        });
        if (all.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return existing(new ArrayList<>(all), 0, new LinkedHashSet<>()).chain(real -> {
            List<Wanted> wanted = new ArrayList<>();
            wantedBy.forEach((variant, targets) -> targets.stream().filter(real::contains)
                    .forEach(t -> wanted.add(new Wanted(variant, t.kind(), t.id()))));
            if (wanted.isEmpty()) {
                return Uni.createFrom().item(Map.<Long, String>of());
            }
            return ensure(wanted, wantedBy.keySet(), 1).map(codes -> {
                Map<Long, String> changed = new HashMap<>();
                for (Long variant : wantedBy.keySet()) {
                    String text = texts.get(variant);
                    String linked = pageUrl.matcher(text).replaceAll(m -> {
                        Target t = new Target(TargetKind.ofSegment(m.group(1).toLowerCase(java.util.Locale.ROOT)),
                                Long.parseLong(m.group(2)));
                        String code = codes.get(new Wanted(variant, t.kind(), t.id()));
                        return Matcher.quoteReplacement(code == null ? m.group() : url(code));
                    });
                    if (!linked.equals(text)) {
                        changed.put(variant, linked);
                    }
                }
                return changed;
            });
        });
    }

    /** The codes of the wanted links, made where missing; a code already taken by another link is drawn again. */
    private Uni<Map<Wanted, String>> ensure(List<Wanted> wanted, Collection<Long> variants, int attempt) {
        return links.ofVariants(variants).chain(rows -> {
            Map<Wanted, String> codes = new HashMap<>();
            for (VariantLinkRow r : rows) {
                if (r.targetId() != null) {
                    codes.put(new Wanted(r.variantId(), r.kind(), r.targetId()), r.code());
                }
            }
            List<Wanted> missing = wanted.stream().filter(w -> !codes.containsKey(w)).distinct().toList();
            if (missing.isEmpty()) {
                return Uni.createFrom().item(codes);
            }
            if (attempt > ATTEMPTS) {
                return Uni.createFrom().failure(new IllegalStateException(
                        "Could not draw free link codes after " + ATTEMPTS + " attempts"));
            }
            List<String> fresh = missing.stream().map(w -> LinkCodes.generate()).toList();
            return links.createForVariants(missing, fresh).chain(() -> ensure(wanted, variants, attempt + 1));
        });
    }

    /** Which of the targets exist, asked of their features one after the other (one session). */
    private Uni<Set<Target>> existing(List<Target> targets, int i, Set<Target> found) {
        if (i == targets.size()) {
            return Uni.createFrom().item(found);
        }
        Target t = targets.get(i);
        Uni<Boolean> exists = switch (t.kind()) {
            case EVENT -> events.find(t.id()).map(Objects::nonNull);
            case CHALLENGE -> challenges.find(t.id()).map(Objects::nonNull);
            case SURVEY -> surveys.summary(t.id()).map(Optional::isPresent);
            case HOME -> Uni.createFrom().item(false);
        };
        return exists.chain(yes -> {
            if (yes) {
                found.add(t);
            }
            return existing(targets, i + 1, found);
        });
    }

    /** The links of these variants, by variant id (a variant without any is left out). */
    public Uni<Map<Long, List<VariantLink>>> ofVariants(Collection<Long> variantIds) {
        return links.ofVariants(variantIds).map(rows -> {
            Map<Long, List<VariantLink>> byVariant = new HashMap<>();
            for (VariantLinkRow r : rows) {
                byVariant.computeIfAbsent(r.variantId(), v -> new ArrayList<>())
                        .add(new VariantLink(r.code(), url(r.code()), r.kind(), r.targetId()));
            }
            return byVariant;
        });
    }

    /**
     * The text with each of these links written back as its target's page URL: what the author wrote, so that a save
     * of the same text, with or without its links, is no change.
     */
    public String unlinked(String text, List<VariantLink> variantLinks) {
        if (text == null || variantLinks == null || variantLinks.isEmpty()) {
            return text;
        }
        Map<String, VariantLink> byCode = new HashMap<>();
        variantLinks.forEach(l -> byCode.put(l.code(), l));
        return linkUrl.matcher(text).replaceAll(m -> {
            VariantLink l = byCode.get(m.group(1));
            return Matcher.quoteReplacement(l == null ? m.group() : publicUrl + l.targetKind().page(l.targetId()));
        });
    }
}
