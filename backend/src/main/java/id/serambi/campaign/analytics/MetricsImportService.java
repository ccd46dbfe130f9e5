package id.serambi.campaign.analytics;

import id.serambi.campaign.posts.PostVariant;
import id.serambi.campaign.posts.PostVariantRepository;
import id.serambi.social.SocialPlatform;
import id.serambi.common.Problem;
import id.serambi.common.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Imports metric snapshots from CSV, all or nothing: any bad row (or header) fails the whole file with a 422 problem
 * that lists every bad line and why, and nothing is written.
 *
 * <p>Columns (header names are matched case-insensitively; the first alias present wins, later ones are ignored):
 * <ul>
 * <li>which variant: {@code variantId} (ours), else {@code publishedUrl} / {@code Permalink} (Meta Business Suite) /
 * {@code Tweet permalink} / {@code Post Link} (X Analytics), matched to a published variant's URL ignoring the
 * scheme, "www.", a trailing slash and twitter.com vs x.com;</li>
 * <li>{@code impressions} (Impressions, Views), {@code reach}, {@code reactions} (Reactions, Likes, likes),
 * {@code comments} (Comments, replies), {@code shares} (Shares, retweets, Reposts), {@code saves} (Saves,
 * Bookmarks), {@code clicks} (Link clicks, url clicks), {@code videoViews} (3-second video views, media views).</li>
 * </ul>
 * Descriptive columns of those exports (Post ID, Tweet id, Page name, Title, Description, Publish time, Tweet text,
 * time, engagements, engagement rate, user profile clicks, promoted ... and the like) are accepted and ignored; any
 * other column is an error. A number is a whole number of at least 0 (thousands commas allowed, "1,234"); an empty
 * cell means "not reported".
 */
@ApplicationScoped
public class MetricsImportService {

    public enum Field {
        IMPRESSIONS("impressions", "views"), REACH("reach"), REACTIONS("reactions", "likes"),
        COMMENTS("comments", "replies"), SHARES("shares", "retweets", "reposts"), SAVES("saves", "bookmarks"),
        CLICKS("clicks", "link clicks", "url clicks"),
        VIDEO_VIEWS("videoviews", "video views", "3-second video views", "media views");

        final List<String> aliases;

        Field(String... aliases) {
            this.aliases = List.of(aliases);
        }
    }

    private static final List<String> VARIANT_ID = List.of("variantid", "variant id", "variant_id");
    private static final List<String> URL = List.of("publishedurl", "published url", "permalink", "tweet permalink",
            "post link", "link");
    private static final Set<String> IGNORED = Set.of("post id", "tweet id", "postid", "page id", "page name", "account id",
            "account username", "account name", "title", "description", "tweet text", "post text", "text", "duration (sec)",
            "publish time", "time", "date", "caption type", "is crosspost", "is share", "post type", "languages",
            "custom labels", "funded content status", "data comment", "permalink clicks", "engagements",
            "engagement rate", "user profile clicks", "profile visits", "hashtag clicks", "detail expands", "app opens",
            "app installs", "follows", "new follows", "email tweet", "dial phone", "media engagements",
            "reactions, comments and shares", "total clicks", "other clicks", "seconds viewed", "average seconds viewed",
            "estimated earnings (usd)", "ad impressions", "ad cpm (usd)", "negative feedback from users: hide all",
            "platform", "capturedat", "captured at", "post", "page");
    private static final Pattern NUMBER = Pattern.compile("\\d+|\\d{1,3}(,\\d{3})+");

    @Schema(name = "MetricsImportResult")
    public record Result(@Schema(description = "Snapshots written, one per row") int imported, List<Imported> rows) {
    }

    @Schema(name = "ImportedRow")
    public record Imported(int line, long variantId, long postId, SocialPlatform platform) {
    }

    record Row(int line, Long variantId, String url, Map<Field, Long> values) {
    }

    private final PostVariantRepository variants;
    private final VariantMetricRepository metrics;

    public MetricsImportService(PostVariantRepository variants, VariantMetricRepository metrics) {
        this.variants = variants;
        this.metrics = metrics;
    }

    @WithTransaction
    public Uni<Result> importCsv(String csv) {
        List<Problem.FieldError> errors = new ArrayList<>();
        List<Row> rows = parse(csv, errors);
        List<Long> ids = rows.stream().filter(r -> r.variantId() != null).map(Row::variantId).distinct().toList();
        List<String> urls = rows.stream().filter(r -> r.variantId() == null && r.url() != null).map(r -> normalise(r.url()))
                .distinct().toList();
        return byId(ids).chain(found -> byUrl(urls).chain(foundByUrl -> {
            Map<Long, Integer> seen = new HashMap<>();
            List<PostVariant> matched = new ArrayList<>();
            for (Row r : rows) {
                PostVariant v = r.variantId() != null ? found.get(r.variantId()) : foundByUrl.get(normalise(r.url()));
                if (v == null) {
                    errors.add(error(r.line(), r.variantId() != null ? "no variant with id " + r.variantId()
                            : "no published post has the URL " + r.url()));
                } else if (v.publishedUrl == null) {
                    errors.add(error(r.line(), "variant " + v.id + " (" + v.platform.label() + ") is not published yet"));
                } else if (seen.containsKey(v.id)) {
                    errors.add(error(r.line(), "the same post as line " + seen.get(v.id)));
                } else {
                    seen.put(v.id, r.line());
                }
                matched.add(v);
            }
            if (!errors.isEmpty()) {
                errors.sort(java.util.Comparator.comparingInt(e -> Integer.parseInt(e.field().substring(5))));
                return Uni.createFrom().failure(new ProblemException(422, "invalid-csv", "CSV not imported",
                        errors.size() + (errors.size() == 1 ? " problem" : " problems")
                                + " in the file; nothing was imported",
                        errors, Map.of()));
            }
            List<Imported> imported = new ArrayList<>();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (int i = 0; i < rows.size(); i++) {
                Row r = rows.get(i);
                PostVariant v = matched.get(i);
                VariantMetric m = snapshot(v.id, "CSV", r.values());
                imported.add(new Imported(r.line(), v.id, v.postId, v.platform));
                chain = chain.chain(() -> metrics.persist(m)).replaceWithVoid();
            }
            return chain.map(x -> new Result(imported.size(), imported));
        }));
    }

    static VariantMetric snapshot(long variantId, String source, Map<Field, Long> values) {
        VariantMetric m = new VariantMetric();
        m.variantId = variantId;
        m.source = source;
        m.capturedAt = Instant.now();
        m.impressions = values.get(Field.IMPRESSIONS);
        m.reach = values.get(Field.REACH);
        m.reactions = values.get(Field.REACTIONS);
        m.comments = values.get(Field.COMMENTS);
        m.shares = values.get(Field.SHARES);
        m.saves = values.get(Field.SAVES);
        m.clicks = values.get(Field.CLICKS);
        m.videoViews = values.get(Field.VIDEO_VIEWS);
        return m;
    }

    /** Rows that parsed; every problem found is added to {@code errors} with its line (the header is line 1). */
    static List<Row> parse(String csv, List<Problem.FieldError> errors) {
        String text = csv == null ? "" : csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        if (text.isBlank()) {
            throw new ProblemException(422, "invalid-csv", "CSV not imported", "The file is empty; nothing was imported",
                    List.of(error(1, "the file is empty: expected a header line and rows")), Map.of());
        }
        List<Row> rows = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setTrim(true).setAllowMissingColumnNames(true).get();
        CSVParser parser;
        try {
            parser = CSVParser.parse(new StringReader(text), format);
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new ProblemException(422, "invalid-csv", "CSV not imported", "The header line cannot be read",
                    List.of(error(1, "the header cannot be read (a duplicate, empty or unclosed column name)")), Map.of());
        }
        List<String> header = parser.getHeaderNames();
        Map<Field, Integer> columns = new EnumMap<>(Field.class);
        Integer idColumn = null;
        Integer urlColumn = null;
        Map<String, Integer> byName = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            byName.putIfAbsent(normaliseHeader(header.get(i)), i);
        }
        for (String alias : VARIANT_ID) {
            if (idColumn == null && byName.containsKey(alias)) {
                idColumn = byName.get(alias);
            }
        }
        for (String alias : URL) {
            if (urlColumn == null && byName.containsKey(alias)) {
                urlColumn = byName.get(alias);
            }
        }
        for (Field f : Field.values()) {
            for (String alias : f.aliases) {
                if (!columns.containsKey(f) && byName.containsKey(alias)) {
                    columns.put(f, byName.get(alias));
                }
            }
        }
        for (Map.Entry<String, Integer> column : byName.entrySet()) {
            String name = column.getKey();
            boolean known = VARIANT_ID.contains(name) || URL.contains(name) || IGNORED.contains(name)
                    || name.startsWith("promoted ") || name.isEmpty()
                    || java.util.Arrays.stream(Field.values()).anyMatch(f -> f.aliases.contains(name));
            if (!known) {
                errors.add(error(1, "unknown column \"" + header.get(column.getValue()) + "\""));
            }
        }
        if (idColumn == null && urlColumn == null) {
            errors.add(error(1, "no column says which post a row is about: add variantId or publishedUrl (Permalink)"));
        }
        if (columns.isEmpty()) {
            errors.add(error(1, "no metric column (impressions, reach, reactions, comments, shares, saves, clicks, videoViews)"));
        }
        if (!errors.isEmpty()) {
            return rows;
        }
        long lastLine = 1;
        try {
            for (CSVRecord record : parser) {
                int line = (int) lastLine + 1;
                lastLine = parser.getCurrentLineNumber();
                if (record.size() != header.size()) {
                    errors.add(error(line, "has " + record.size() + " fields; the header has " + header.size()));
                    continue;
                }
                Long variantId = null;
                String url = null;
                if (idColumn != null && !record.get(idColumn).isBlank()) {
                    try {
                        variantId = Long.parseLong(record.get(idColumn));
                    } catch (NumberFormatException e) {
                        errors.add(error(line, header.get(idColumn) + " is not a variant id (" + record.get(idColumn) + ")"));
                        continue;
                    }
                }
                if (urlColumn != null && !record.get(urlColumn).isBlank()) {
                    url = record.get(urlColumn);
                }
                if (variantId == null && url == null) {
                    errors.add(error(line, "needs a variantId or a published URL"));
                    continue;
                }
                Map<Field, Long> values = new EnumMap<>(Field.class);
                boolean ok = true;
                for (Map.Entry<Field, Integer> c : columns.entrySet()) {
                    String cell = record.get(c.getValue());
                    String name = header.get(c.getValue());
                    if (cell.isBlank()) {
                        continue;
                    }
                    if (cell.startsWith("-") && NUMBER.matcher(cell.substring(1)).matches()) {
                        errors.add(error(line, name + " must not be negative (" + cell + ")"));
                        ok = false;
                    } else if (!NUMBER.matcher(cell).matches()) {
                        errors.add(error(line, name + " is not a whole number (" + cell + ")"));
                        ok = false;
                    } else {
                        try {
                            values.put(c.getKey(), Long.parseLong(cell.replace(",", "")));
                        } catch (NumberFormatException e) {
                            errors.add(error(line, name + " is too large (" + cell + ")"));
                            ok = false;
                        }
                    }
                }
                if (ok) {
                    rows.add(new Row(line, variantId, url, values));
                }
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            errors.add(error((int) lastLine + 1, "malformed CSV from here on (an unclosed quote or a stray quote character)"));
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            errors.add(error(2, "the file has a header but no rows"));
        }
        return rows;
    }

    private Uni<Map<Long, PostVariant>> byId(List<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return variants.byIds(ids).map(list -> {
            Map<Long, PostVariant> map = new HashMap<>();
            list.forEach(v -> map.put(v.id, v));
            return map;
        });
    }

    private Uni<Map<String, PostVariant>> byUrl(List<String> urls) {
        if (urls.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return variants.publishedAt(urls).map(list -> {
            Map<String, PostVariant> map = new HashMap<>();
            list.forEach(v -> map.put(normalise(v.publishedUrl), v));
            return map;
        });
    }

    static String normalise(String url) {
        String u = url.strip();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        u = u.replaceFirst("^(?i)https?://(www\\.|mobile\\.|m\\.)?", "https://");
        return u.replaceFirst("^(?i)https://twitter\\.com/", "https://x.com/");
    }

    private static String normaliseHeader(String name) {
        return name.replace("\uFEFF", "").strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    static Problem.FieldError error(int line, String message) {
        return new Problem.FieldError("line " + line, message);
    }
}
