package id.serambi.survey;

import io.smallrye.mutiny.Uni;
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
}
