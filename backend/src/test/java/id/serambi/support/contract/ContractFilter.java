package id.serambi.support.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A RestAssured filter on every backend test (installed by {@link ContractCallback}): each response to an
 * {@code /api/} request is validated against the OpenAPI document the running app serves. A status, a content type,
 * a header or a body the document does not describe fails the test that received it, with the validator's report.
 * <p>
 * Requests are not validated, since tests send malformed input on purpose; only that the operation exists (the path
 * and method are documented) is required of them, or else that the app refused it (404 for a path the document does
 * not have, 405 for a method it does not list). CORS preflights are not operations and are skipped. A test-only
 * endpoint outside the document is called inside {@link #unchecked(Runnable)}.
 * <p>
 * The number of responses validated is written to {@code target/contract/validated-responses.txt} when the test JVM
 * ends, so that the README can say how much of the suite's traffic is checked.
 */
public final class ContractFilter implements OrderedFilter {

    static final ContractFilter INSTANCE = new ContractFilter();

    /**
     * One count for the whole test JVM: each Quarkus restart (another test profile) loads this class again in a new
     * class loader, so the count is kept where every loader sees the same thing: a system property, as a string (other
     * libraries read every system property as a string), under a name outside the {@code serambi.} prefix, which the
     * app's config mapping would refuse as unknown.
     */
    private static final String COUNT = "contract-filter.validated";

    private static final ThreadLocal<Boolean> UNCHECKED = ThreadLocal.withInitial(() -> false);
    private static volatile OpenApiInteractionValidator validator;
    private static volatile String validatorFor;

    static {
        if (System.getProperties().putIfAbsent("contract-filter.count-hook", "on") == null) {
            Runtime.getRuntime().addShutdownHook(new Thread(ContractFilter::writeCount, "contract-count"));
        }
    }

    private ContractFilter() {
    }

    /** Runs calls whose responses are deliberately outside the contract (for example a 405 for a wrong method). */
    public static void unchecked(Runnable calls) {
        UNCHECKED.set(true);
        try {
            calls.run();
        } finally {
            UNCHECKED.set(false);
        }
    }

    /** How many responses have been validated so far in this JVM. */
    public static long validated() {
        return Long.parseLong(System.getProperty(COUNT, "0"));
    }

    @Override
    public int getOrder() {
        return OrderedFilter.HIGHEST_PRECEDENCE;
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
            FilterContext context) {
        Response response = context.next(request, responseSpec);
        URI uri = URI.create(request.getURI());
        if (UNCHECKED.get() || uri.getPath() == null || !uri.getPath().startsWith("/api/")
                || "OPTIONS".equals(request.getMethod())) {
            return response; // CORS preflights are answered by the CORS filter, not by an operation
        }
        ValidationReport report = validator(uri).validate(RestAssuredRequest.of(request),
                RestAssuredResponse.of(response));
        System.getProperties().merge(COUNT, "1",
                (was, one) -> String.valueOf(Long.parseLong((String) was) + 1)); // Hashtable: atomic
        if (report.hasErrors() && !outsideTheApiAndRefused(report, response.statusCode())
                && !corsRefusal(request, response, report)) {
            StringBuilder message = new StringBuilder("The response to ").append(request.getMethod()).append(' ')
                    .append(uri.getPath()).append(" is outside the OpenAPI document (HTTP ")
                    .append(response.statusCode()).append("):");
            report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                    .forEach(m -> message.append("\n  - [").append(m.getKey()).append("] ").append(m.getMessage()));
            String body = response.asString();
            message.append("\n  body: ").append(body.length() > 600 ? body.substring(0, 600) + "…" : body);
            throw new AssertionError(message.toString());
        }
        return response;
    }

    /**
     * A path the document does not have must answer 404, and a method it does not list for a path 405: then the
     * contract holds (the request was outside it, and the app said so). Any other answer to them fails.
     */
    private static boolean outsideTheApiAndRefused(ValidationReport report, int status) {
        return report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .allMatch(m -> ("validation.request.path.missing".equals(m.getKey()) && status == 404)
                        || ("validation.request.operation.notAllowed".equals(m.getKey()) && status == 405));
    }

    /**
     * Quarkus's CORS filter refuses a request from an origin it does not allow with a bare 403 before any resource
     * runs; every operation documents that 403 (OpenApiConventions), whose body is then empty.
     */
    private static boolean corsRefusal(FilterableRequestSpecification request, Response response,
            ValidationReport report) {
        return response.statusCode() == 403 && request.getHeaders().hasHeaderWithName("Origin")
                && response.asString().isEmpty()
                && report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                        .allMatch(m -> "validation.response.body.missing".equals(m.getKey()));
    }

    private static OpenApiInteractionValidator validator(URI uri) {
        String origin = uri.getScheme() + "://" + uri.getAuthority();
        OpenApiInteractionValidator current = validator;
        if (current != null && origin.equals(validatorFor)) {
            return current;
        }
        synchronized (ContractFilter.class) {
            if (validator == null || !origin.equals(validatorFor)) {
                validator = OpenApiInteractionValidator
                        .createForInlineApiSpecification(ValidatorDocument.from(fetchDocument(origin)))
                        .withLevelResolver(LevelResolver.create()
                                .withLevel("validation.request", ValidationReport.Level.IGNORE)
                                .withLevel("validation.request.path.missing", ValidationReport.Level.ERROR)
                                .withLevel("validation.request.operation.notAllowed", ValidationReport.Level.ERROR)
                                .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
                                .build())
                        .build();
                validatorFor = origin;
            }
            return validator;
        }
    }

    private static String fetchDocument(String origin) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(origin + "/q/openapi?format=json")).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /q/openapi answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("Could not read the app's OpenAPI document", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void writeCount() {
        try {
            Path file = Path.of("target", "contract", "validated-responses.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, validated() + System.lineSeparator());
        } catch (IOException e) {
            // the count is informative only
        }
    }
}
