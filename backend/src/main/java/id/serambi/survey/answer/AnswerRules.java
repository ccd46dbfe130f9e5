package id.serambi.survey.answer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.serambi.common.Problem;
import id.serambi.common.ProblemException;
import id.serambi.survey.builder.SurveyDtos.Option;
import id.serambi.survey.builder.SurveyDtos.Question;
import id.serambi.survey.builder.SurveyDtos.Section;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Answers checked against the survey's document: which questions are shown (a condition on an earlier choice question
 * holds, and that question was shown itself), each answer of the type its question asks, the shown required ones
 * answered, the hidden ones not. Every error names its field, {@code answers.<key>}, and all are reported at once.
 */
final class AnswerRules {

    static final int SHORT_TEXT_MAX = 300;
    static final int LONG_TEXT_MAX = 4000;
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private AnswerRules() {
    }

    /** The answers to keep (the shown questions' answers, texts stripped), or a 400 listing every error. */
    static ObjectNode check(List<Section> sections, Map<String, JsonNode> answers) {
        Map<String, Question> questions = new LinkedHashMap<>();
        sections.forEach(s -> s.questions().forEach(q -> questions.put(q.key(), q)));
        List<Problem.FieldError> errors = new ArrayList<>();
        for (String key : answers.keySet()) {
            if (!questions.containsKey(key)) {
                errors.add(new Problem.FieldError(field(key), "the survey has no question \"" + key + "\""));
            }
        }
        ObjectNode kept = JsonNodeFactory.instance.objectNode();
        Set<String> shown = new HashSet<>();
        for (Question q : questions.values()) {
            JsonNode answer = answers.get(q.key());
            boolean given = answer != null && !answer.isNull() && !(answer.isArray() && answer.isEmpty())
                    && !(answer.isTextual() && answer.asText().isBlank());
            if (!shown(q, shown, kept)) {
                if (given) {
                    errors.add(new Problem.FieldError(field(q.key()), "is not asked: it is shown only when \""
                            + q.condition().questionKey() + "\" is answered \"" + q.condition().optionKey() + "\""));
                }
                continue;
            }
            shown.add(q.key());
            if (!given) {
                if (q.required()) {
                    errors.add(new Problem.FieldError(field(q.key()), "must be answered"));
                }
                continue;
            }
            String error = value(q, answer, kept);
            if (error != null) {
                errors.add(new Problem.FieldError(field(q.key()), error));
            }
        }
        if (!errors.isEmpty()) {
            StringBuilder detail = new StringBuilder();
            for (Problem.FieldError e : errors) {
                detail.append(detail.isEmpty() ? "" : "; ").append(e.field()).append(": ").append(e.message());
            }
            throw new ProblemException(400, "validation", "Invalid request", detail.toString(), errors, Map.of());
        }
        return kept;
    }

    static String field(String key) {
        return "answers." + key;
    }

    /** Whether the question is shown, given the answers kept so far (conditions name earlier questions only). */
    static boolean shown(Question q, Set<String> shown, ObjectNode kept) {
        if (q.condition() == null) {
            return true;
        }
        String on = q.condition().questionKey();
        if (!shown.contains(on)) {
            return false;
        }
        JsonNode answer = kept.get(on);
        if (answer == null) {
            return false;
        }
        if (answer.isArray()) {
            for (JsonNode chosen : answer) {
                if (chosen.asText().equals(q.condition().optionKey())) {
                    return true;
                }
            }
            return false;
        }
        return answer.asText().equals(q.condition().optionKey());
    }

    /** Keeps a valid answer and returns null, or returns why it is not valid. */
    private static String value(Question q, JsonNode answer, ObjectNode kept) {
        switch (q.type()) {
            case SINGLE_CHOICE -> {
                if (!answer.isTextual() || !hasOption(q, answer.asText())) {
                    return "must be one of the option keys " + optionKeys(q);
                }
                kept.put(q.key(), answer.asText());
            }
            case MULTIPLE_CHOICE -> {
                if (!answer.isArray()) {
                    return "must be an array of option keys from " + optionKeys(q);
                }
                Set<String> chosen = new HashSet<>();
                var array = kept.putArray(q.key());
                for (JsonNode o : answer) {
                    if (!o.isTextual() || !hasOption(q, o.asText())) {
                        kept.remove(q.key());
                        return "must be an array of option keys from " + optionKeys(q);
                    }
                    if (!chosen.add(o.asText())) {
                        kept.remove(q.key());
                        return "names option \"" + o.asText() + "\" twice";
                    }
                    array.add(o.asText());
                }
            }
            case SCALE_5 -> {
                if (!answer.isIntegralNumber() || !answer.canConvertToInt() || answer.asInt() < 1 || answer.asInt() > 5) {
                    return "must be a whole number from 1 to 5";
                }
                kept.put(q.key(), answer.asInt());
            }
            case NPS -> {
                if (!answer.isIntegralNumber() || !answer.canConvertToInt() || answer.asInt() < 0 || answer.asInt() > 10) {
                    return "must be a whole number from 0 to 10";
                }
                kept.put(q.key(), answer.asInt());
            }
            case SHORT_TEXT, LONG_TEXT -> {
                int max = q.type() == id.serambi.survey.builder.SurveyDtos.QuestionType.SHORT_TEXT ? SHORT_TEXT_MAX : LONG_TEXT_MAX;
                if (!answer.isTextual()) {
                    return "must be text";
                }
                String text = answer.asText().strip();
                if (text.length() > max) {
                    return "must be at most " + max + " characters";
                }
                String bad = badCharacter(text, q.type() == id.serambi.survey.builder.SurveyDtos.QuestionType.LONG_TEXT);
                if (bad != null) {
                    return bad;
                }
                kept.put(q.key(), text);
            }
            case DATE -> {
                if (!answer.isTextual() || !DATE.matcher(answer.asText()).matches()) {
                    return "must be a date written yyyy-MM-dd";
                }
                try {
                    LocalDate.parse(answer.asText());
                } catch (DateTimeParseException e) {
                    return "must be a date written yyyy-MM-dd";
                }
                kept.put(q.key(), answer.asText());
            }
            case NUMBER -> {
                if (!answer.isNumber() || !Double.isFinite(answer.asDouble())
                        || answer.decimalValue().abs().compareTo(BigDecimal.valueOf(1_000_000_000_000L)) > 0) {
                    return "must be a number" + range(q);
                }
                BigDecimal n = answer.decimalValue();
                if ((q.min() != null && n.compareTo(BigDecimal.valueOf(q.min())) < 0) || (q.max() != null && n.compareTo(BigDecimal.valueOf(q.max())) > 0)) {
                    return "must be a number" + range(q);
                }
                kept.set(q.key(), answer);
            }
        }
        return null;
    }

    private static String range(Question q) {
        if (q.min() != null && q.max() != null) {
            return " from " + q.min() + " to " + q.max();
        }
        if (q.min() != null) {
            return " of at least " + q.min();
        }
        return q.max() != null ? " of at most " + q.max() : "";
    }

    private static boolean hasOption(Question q, String key) {
        return q.choices().stream().anyMatch(o -> o.key().equals(key));
    }

    private static String optionKeys(Question q) {
        return q.choices().stream().map(Option::key).toList().toString();
    }

    /**
     * Why the text cannot be kept: a NUL (PostgreSQL cannot store it) or another control character, a line break
     * only in a long text; null when it can.
     */
    private static String badCharacter(String text, boolean lines) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return "must not contain the NUL character (U+0000)";
            }
            if (Character.getType(c) == Character.CONTROL && !(lines && (c == '\n' || c == '\r' || c == '\t'))) {
                return "must not contain control characters" + (lines ? " other than line breaks and tabs" : "");
            }
            if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) && !(Character.isLowSurrogate(c) && i > 0
                    && Character.isHighSurrogate(text.charAt(i - 1)))) {
                return "must be valid text";
            }
        }
        return null;
    }
}
