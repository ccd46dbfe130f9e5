package id.serambi.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * PostgreSQL text cannot hold U+0000, so a NUL that reached a query failed it with a 500. It is refused at the edge
 * instead: in any JSON string of a request body (a field error) and in any path or query parameter.
 */
@Singleton
public class NulCharacters implements ObjectMapperCustomizer {

    static final String MESSAGE = "must not contain the NUL character (U+0000)";

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("nul-free-strings").addDeserializer(String.class, new NulFreeString()));
    }

    @ServerRequestFilter
    public Response rejectInParameters(UriInfo uri, HttpServerRequest request) {
        // A NUL reaches a parameter only percent-encoded: most requests need no decoding of their parameters.
        String raw = request.uri();
        if (raw.indexOf("%00") < 0 && raw.indexOf('\0') < 0) {
            return null;
        }
        String field = firstWithNul(uri.getPathParameters());
        if (field == null) {
            field = firstWithNul(uri.getQueryParameters());
        }
        if (field == null) {
            return null;
        }
        return ProblemResponses.response(400, "validation", "Invalid request", field + ": " + MESSAGE,
                uri.getPath(), List.of(new Problem.FieldError(field, MESSAGE)), Map.of());
    }

    private static String firstWithNul(MultivaluedMap<String, String> parameters) {
        for (var entry : parameters.entrySet()) {
            if (entry.getKey().indexOf('\0') >= 0) {
                return "parameter name";
            }
            for (String value : entry.getValue()) {
                if (value != null && value.indexOf('\0') >= 0) {
                    return entry.getKey();
                }
            }
        }
        return null;
    }

    /** A NUL in a JSON string: a 400 naming the field, through the JSON problem mapper. */
    public static final class NulInString extends InvalidFormatException {

        NulInString(JsonParser parser, String value) {
            super(parser, MESSAGE, value, String.class);
        }
    }

    /** Jackson's own string deserializer, then the NUL check. */
    static final class NulFreeString extends StdScalarDeserializer<String> {

        NulFreeString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value != null && value.indexOf('\0') >= 0) {
                throw new NulInString(parser, value);
            }
            return value;
        }
    }
}
