package id.serambi.survey.answer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.serambi.account.Accounts;
import id.serambi.common.ProblemException;
import id.serambi.common.SerambiConfig;
import id.serambi.survey.SurveyContexts;
import id.serambi.survey.builder.SurveyDtos;
import id.serambi.survey.builder.SurveyRepository;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Patrons answer published surveys. Who answers is worked out once per request: the context (after an event, in a
 * challenge) from the features a survey is attached to ({@link SurveyContexts}, asked one after the other), the person
 * from the manage link or the signed-in account, and nothing of the person when the survey is ANONYMOUS, even for a
 * signed-in caller.
 */
@ApplicationScoped
public class AnswerService {

    /** A standalone answer: no event, no challenge; one-per-person counts in the context "". */
    static final SurveyContexts.Context STANDALONE = new SurveyContexts.Context(null, null, null, null, null, null, false, "");
    /** By birth year only: someone who turns 18 this year may still be 17, so 18 counts as a minor too. */
    static final int MINOR_UP_TO = 18;

    /** Who answers, in which context, as stored: the links are null for an ANONYMOUS survey. */
    record Respondent(SurveyContexts.Context context, Long accountId, Long registrationId, String ageGroup, boolean minor,
            boolean once) {
    }

    private final SurveyRepository surveys;
    private final AnswerRepository responses;
    private final FormTokens tokens;
    private final List<SurveyContexts> contexts;
    private final Accounts accounts;
    private final ZoneId zone;
    private final ObjectMapper json;

    public AnswerService(SurveyRepository surveys, AnswerRepository responses, FormTokens tokens,
            @Any InjectableInstance<SurveyContexts> contexts, Accounts accounts, SerambiConfig config, ObjectMapper json) {
        this.json = json;
        this.surveys = surveys;
        this.responses = responses;
        this.tokens = tokens;
        // In a fixed order: the highest bean priority (@Priority on the class) first, then by class name.
        this.contexts = contexts.handlesStream()
                .sorted(Comparator.<InstanceHandle<SurveyContexts>>comparingInt(h -> -h.getBean().getPriority())
                        .thenComparing(h -> h.getBean().getBeanClass().getName()))
                .map(InstanceHandle::get).toList();
        this.accounts = accounts;
        this.zone = config.library().timeZone();
    }

    /** The form of a published survey for this respondent, with a fresh form token. */
    @WithSession
    public Uni<AnswerDtos.Form> form(long id, SurveyContexts.Hint hint) {
        return open(id).chain(survey -> respondent(survey, hint).chain(r -> answered(survey, r)).map(already -> new AnswerDtos.Form(
                survey.id(), survey.title(), survey.introduction(), survey.access(), survey.onePerPerson(), survey.sections(),
                tokens.issue(survey.id(), Instant.now()), already)));
    }

    /**
     * Stores a response after checking the form token, who may answer, and every answer; nothing is written when any
     * check fails. A second one-per-person response is a 409 {@code already-answered}.
     */
    @WithTransaction
    public Uni<Void> submit(long id, AnswerDtos.Submission body, SurveyContexts.Hint hint) {
        tokens.check(id, body.formToken(), Instant.now());
        return open(id).chain(survey -> respondent(survey, hint).chain(r -> {
            Map<String, JsonNode> given = new LinkedHashMap<>();
            body.answers().forEach((key, value) -> given.put(key, json.valueToTree(value)));
            ObjectNode answers = AnswerRules.check(survey.sections(), given);
            SurveyContexts.Context c = r.context();
            return responses.insert(new AnswerRepository.NewResponse(survey.id(), r.accountId(), r.registrationId(), r.once(),
                    answers.toString(), c.eventId(), c.challengeId(), c.phase() == null ? null : c.phase().name(), r.ageGroup(),
                    r.minor(), c.contextKey() == null ? "" : c.contextKey()));
        })).invoke(stored -> {
            if (!stored) {
                throw ProblemException.conflict("already-answered", "Already answered",
                        "You have answered survey " + id + " already; it takes one response per person");
            }
        }).replaceWithVoid();
    }

    /** Fails with a 404 when there is no survey with this id (any status: staff share drafts' links ahead). */
    @WithSession
    public Uni<Void> existing(long id) {
        return surveys.find(id, false).invoke(survey -> {
            if (survey == null) {
                throw ProblemException.notFound("Survey", id);
            }
        }).replaceWithVoid();
    }

    /** The survey when patrons may answer it: 404 for none or a draft, 410 for a closed one. */
    private Uni<SurveyDtos.View> open(long id) {
        return surveys.find(id, false).map(survey -> {
            if (survey == null || survey.status() == SurveyDtos.Status.DRAFT) {
                throw ProblemException.notFound("Survey", id);
            }
            if (survey.status() == SurveyDtos.Status.CLOSED) {
                throw new ProblemException(410, "survey-closed", "Survey closed", "Survey " + id + " is closed to answers");
            }
            return survey;
        });
    }

    private Uni<Respondent> respondent(SurveyDtos.View survey, SurveyContexts.Hint hint) {
        if (survey.access() == SurveyDtos.Access.ACCOUNT && hint.accountId() == null) {
            return Uni.createFrom().failure(new ProblemException(401, "sign-in-required", "Sign-in required",
                    "Survey " + survey.id() + " is answered by members: sign in first"));
        }
        return context(survey.id(), hint).chain(c -> switch (survey.access()) {
            case ANONYMOUS -> Uni.createFrom().item(new Respondent(c, null, null, null, false, false));
            case MANAGE_LINK -> {
                if (c.registrationId() == null) {
                    throw new ProblemException(403, "manage-link-required", "Manage link required",
                            "Survey " + survey.id() + " is answered through the link in your registration's e-mail");
                }
                yield Uni.createFrom().item(new Respondent(c, c.accountId(), c.registrationId(), c.ageGroup(), c.minor(),
                        survey.onePerPerson()));
            }
            case ACCOUNT -> c.ageGroup() != null || c.minor()
                    ? Uni.createFrom().item(new Respondent(c, hint.accountId(), null, c.ageGroup(), c.minor(), survey.onePerPerson()))
                    : accounts.find(hint.accountId(), LocalDate.now(zone).getYear()).map(member -> member == null
                            ? new Respondent(c, hint.accountId(), null, null, false, survey.onePerPerson())
                            : new Respondent(c, hint.accountId(), null, ageGroup(member.age()), member.age() <= MINOR_UP_TO,
                                    survey.onePerPerson()));
        });
    }

    /**
     * The first context a feature resolves, asked one after the other on this session (highest {@code @Priority}
     * first, then by class name); standalone when none does.
     */
    private Uni<SurveyContexts.Context> context(long surveyId, SurveyContexts.Hint hint) {
        Uni<Optional<SurveyContexts.Context>> found = Uni.createFrom().item(Optional.empty());
        for (SurveyContexts feature : contexts) {
            found = found.chain(f -> f.isPresent() ? Uni.createFrom().item(f) : feature.resolve(surveyId, hint));
        }
        return found.map(f -> f.orElse(STANDALONE));
    }

    private Uni<Boolean> answered(SurveyDtos.View survey, Respondent r) {
        if (!r.once()) {
            return Uni.createFrom().item(false);
        }
        if (r.registrationId() != null) {
            return responses.answeredByRegistration(survey.id(), r.registrationId());
        }
        return r.accountId() == null ? Uni.createFrom().item(false)
                : responses.answeredByAccount(survey.id(), r.accountId(), r.context().contextKey() == null ? "" : r.context().contextKey());
    }

    /** CHILD under 12, TEEN to 18, ADULT to 59, SENIOR from 60 (by birth year, as the account knows it). */
    static String ageGroup(int age) {
        if (age < 12) {
            return "CHILD";
        }
        if (age <= MINOR_UP_TO) {
            return "TEEN";
        }
        return age < 60 ? "ADULT" : "SENIOR";
    }
}
