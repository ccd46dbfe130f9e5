package id.serambi.survey;

import id.serambi.common.ProblemException;
import io.smallrye.mutiny.Uni;
import java.util.Objects;
import java.util.Optional;

/** What other features may know of a survey: enough to attach it, link to it and name it in a post. */
public interface Surveys {

    /** A survey's titles, who may answer it (ANONYMOUS, MANAGE_LINK, ACCOUNT) and its status (DRAFT, PUBLISHED, CLOSED). */
    record Summary(long id, String titleId, String titleEn, String access, String status) {

        /** Whether patrons can answer it now. */
        public boolean open() {
            return "PUBLISHED".equals(status);
        }
    }

    /** The survey, or empty when there is none with this id. */
    Uni<Optional<Summary>> summary(long id);

    /**
     * Completes when survey {@code wanted} may be attached (to an event or a challenge) in place of {@code current}: it
     * exists and is not CLOSED (a DRAFT may be attached; its link works once it is published). A 400 naming
     * {@code field} otherwise. Only a change is checked, so what was attached stays after the survey is closed.
     */
    default Uni<Void> checkAttachable(String field, Long wanted, Long current) {
        if (wanted == null || Objects.equals(wanted, current)) {
            return Uni.createFrom().voidItem();
        }
        return summary(wanted).invoke(found -> {
            if (found.isEmpty()) {
                throw ProblemException.invalidField(field, "no survey has the id " + wanted);
            }
            if ("CLOSED".equals(found.get().status())) {
                throw ProblemException.invalidField(field,
                        "survey " + wanted + " is closed; attach a draft or a published survey");
            }
        }).replaceWithVoid();
    }
}
