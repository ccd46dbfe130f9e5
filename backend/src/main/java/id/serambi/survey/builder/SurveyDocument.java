package id.serambi.survey.builder;

import id.serambi.common.Problem;
import id.serambi.common.ProblemException;
import id.serambi.survey.builder.SurveyDtos.Option;
import id.serambi.survey.builder.SurveyDtos.Question;
import id.serambi.survey.builder.SurveyDtos.Request;
import id.serambi.survey.builder.SurveyDtos.Section;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The rules of a survey document beyond single fields: keys unique, choice questions with 2+ options, ranges in
 * order, conditions on an earlier choice question's option; and, once a survey has responses, the changes that would
 * alter what earlier answers mean.
 */
final class SurveyDocument {

    /** The most questions in one survey. */
    static final int MAX_QUESTIONS = 200;

    private SurveyDocument() {
    }

    /** Fails with a 400 naming the first field that breaks a rule. */
    static void validate(Request survey) {
        Map<String, Question> earlier = new LinkedHashMap<>();
        int count = 0;
        for (int s = 0; s < survey.sections().size(); s++) {
            List<Question> questions = survey.sections().get(s).questions();
            for (int q = 0; q < questions.size(); q++) {
                Question question = questions.get(q);
                String field = "sections[" + s + "].questions[" + q + "]";
                if (++count > MAX_QUESTIONS) {
                    throw ProblemException.invalidField(field, "a survey has at most " + MAX_QUESTIONS + " questions");
                }
                if (earlier.containsKey(question.key())) {
                    throw ProblemException.invalidField(field + ".key", "another question already has the key \"" + question.key() + "\"");
                }
                validateQuestion(question, field, earlier);
                earlier.put(question.key(), question);
            }
        }
    }

    private static void validateQuestion(Question question, String field, Map<String, Question> earlier) {
        if (question.type().choice()) {
            if (question.choices().size() < 2) {
                throw ProblemException.invalidField(field + ".options", "a " + question.type() + " question needs at least 2 options");
            }
            Set<String> keys = new HashSet<>();
            for (int o = 0; o < question.choices().size(); o++) {
                if (!keys.add(question.choices().get(o).key())) {
                    throw ProblemException.invalidField(field + ".options[" + o + "].key",
                            "another option of this question already has the key \"" + question.choices().get(o).key() + "\"");
                }
            }
        } else if (!question.choices().isEmpty()) {
            throw ProblemException.invalidField(field + ".options", "only SINGLE_CHOICE and MULTIPLE_CHOICE questions have options");
        }
        if (question.type() != SurveyDtos.QuestionType.NUMBER && (question.min() != null || question.max() != null)) {
            throw ProblemException.invalidField(field + (question.min() != null ? ".min" : ".max"), "only NUMBER questions have a range");
        }
        if (question.min() != null && question.max() != null && question.min() > question.max()) {
            throw ProblemException.invalidField(field + ".min", "must not be greater than max (" + question.max() + ")");
        }
        if (question.condition() != null) {
            Question on = earlier.get(question.condition().questionKey());
            if (on == null) {
                throw ProblemException.invalidField(field + ".condition.questionKey",
                        "must be the key of an earlier question (\"" + question.condition().questionKey() + "\" is not)");
            }
            if (!on.type().choice()) {
                throw ProblemException.invalidField(field + ".condition.questionKey",
                        "must name a SINGLE_CHOICE or MULTIPLE_CHOICE question (\"" + on.key() + "\" is " + on.type() + ")");
            }
            if (on.choices().stream().noneMatch(o -> o.key().equals(question.condition().optionKey()))) {
                throw ProblemException.invalidField(field + ".condition.optionKey",
                        "\"" + on.key() + "\" has no option \"" + question.condition().optionKey() + "\"");
            }
        }
    }

    /** Every question of the sections, by key, in order. */
    static Map<String, Question> questions(List<Section> sections) {
        Map<String, Question> all = new LinkedHashMap<>();
        sections.forEach(section -> section.questions().forEach(q -> all.put(q.key(), q)));
        return all;
    }

    /**
     * Why an update from {@code before} to {@code after} would change what the responses given so far mean (empty when
     * it would not). A NUMBER question whose range changed is listed in {@code ranges} to be checked against the answers.
     */
    static List<Problem.FieldError> meaningChanges(SurveyDtos.View before, Request after, List<String> ranges) {
        List<Problem.FieldError> reasons = new ArrayList<>();
        if (before.access() != after.access()) {
            reasons.add(new Problem.FieldError("access", "who may answer cannot change from " + before.access() + " to "
                    + after.access() + " once there are responses"));
        }
        Map<String, Question> old = questions(before.sections());
        Map<String, Question> now = questions(after.sections());
        for (Question was : old.values()) {
            Question is = now.get(was.key());
            String field = "question " + was.key();
            if (is == null) {
                reasons.add(new Problem.FieldError(field, "was removed; earlier responses answered it"));
                continue;
            }
            if (is.type() != was.type()) {
                reasons.add(new Problem.FieldError(field, "cannot change its type from " + was.type() + " to " + is.type()));
                continue;
            }
            if (!Objects.equals(is.condition(), was.condition())) {
                reasons.add(new Problem.FieldError(field, "cannot change its condition; earlier respondents saw it (or not) by the old one"));
            }
            optionChanges(was, is, field, reasons);
            if (was.type() == SurveyDtos.QuestionType.NUMBER && (!Objects.equals(was.min(), is.min()) || !Objects.equals(was.max(), is.max()))) {
                ranges.add(was.key());
            }
        }
        for (Question is : now.values()) {
            if (!old.containsKey(is.key()) && is.required()) {
                reasons.add(new Problem.FieldError("question " + is.key(), "a question added after the first response must be optional"));
            }
        }
        return reasons;
    }

    private static void optionChanges(Question was, Question is, String field, List<Problem.FieldError> reasons) {
        Set<String> kept = new HashSet<>();
        is.choices().forEach(o -> kept.add(o.key()));
        for (Option o : was.choices()) {
            if (!kept.contains(o.key())) {
                reasons.add(new Problem.FieldError(field, "option " + o.key() + " was removed; earlier responses chose from it"));
            }
        }
        Set<String> existing = new HashSet<>();
        was.choices().forEach(o -> existing.add(o.key()));
        boolean added = false;
        for (Option o : is.choices()) {
            if (!existing.contains(o.key())) {
                added = true;
            } else if (added) {
                reasons.add(new Problem.FieldError(field, "new options go after the existing ones (option " + o.key()
                        + " follows a new option)"));
                return;
            }
        }
    }
}
