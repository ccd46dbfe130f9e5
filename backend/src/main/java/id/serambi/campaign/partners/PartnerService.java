package id.serambi.campaign.partners;

import id.serambi.common.DatabaseProblems;
import id.serambi.common.IfMatch;
import id.serambi.common.Problem;
import id.serambi.common.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * The library's local partners (influencers, schools, communities, radio): staff record them, change them with
 * If-Match, and delete them with their links. A name is unique in any letter case, decided by the database's unique
 * index so that two staff saving the same name at once get one partner and one 409.
 */
@ApplicationScoped
public class PartnerService {

    private final PartnerRepository partners;

    public PartnerService(PartnerRepository partners) {
        this.partners = partners;
    }

    /** A page of partners by name, optionally those whose name contains {@code query}. */
    @WithSession
    public Uni<PartnerDtos.Page> list(String query, int page, int size) {
        return partners.page(query, page * size, size).chain(items -> partners.count(query)
                .map(total -> new PartnerDtos.Page(items, page, size, total)));
    }

    @WithSession
    public Uni<PartnerDtos.View> get(long id) {
        return existing(id, false);
    }

    @WithTransaction
    public Uni<PartnerDtos.View> create(PartnerDtos.Request request) {
        Fields f = Fields.of(request);
        return partners.create(f.name(), request.kind(), f.contact(), f.notes()).chain(id -> id == null
                ? Uni.createFrom().failure(nameTaken(f.name()))
                : existing(id, false));
    }

    /** Changes the partner when {@code version} is the one stored (else 412); a name another partner has is a 409. */
    @WithTransaction
    public Uni<PartnerDtos.View> update(long id, int version, PartnerDtos.Request request) {
        Fields f = Fields.of(request);
        return existing(id, true).chain(current -> {
            IfMatch.check("Partner", id, current.version(), version);
            return partners.nameTaken(f.name(), id);
        }).chain(taken -> taken ? Uni.createFrom().failure(nameTaken(f.name()))
                : partners.update(id, f.name(), request.kind(), f.contact(), f.notes())
                        .onFailure(DatabaseProblems::isUniqueViolation).transform(e -> nameTaken(f.name()))
                        .chain(() -> existing(id, false)));
    }

    /** Deletes the partner with its links and their click counts; registrations keep their (now dead) codes. */
    @WithTransaction
    public Uni<Void> delete(long id) {
        return partners.delete(id).map(deleted -> {
            if (!deleted) {
                throw ProblemException.notFound("Partner", id);
            }
            return null;
        });
    }

    private Uni<PartnerDtos.View> existing(long id, boolean lock) {
        return partners.find(id, lock).map(partner -> {
            if (partner == null) {
                throw ProblemException.notFound("Partner", id);
            }
            return partner;
        });
    }

    static ProblemException nameTaken(String name) {
        String message = "another partner is already called \"" + name + "\" (names are unique in any letter case)";
        return new ProblemException(409, "name-taken", "Name taken", "name: " + message,
                List.of(new Problem.FieldError("name", message)), Map.of());
    }

    /** The request's text as stored: stripped, and an empty contact or note as none. */
    private record Fields(String name, String contact, String notes) {

        static Fields of(PartnerDtos.Request r) {
            String name = r.name().strip();
            if (name.isEmpty()) {
                throw ProblemException.invalidField("name", "must not be blank");
            }
            return new Fields(name, orNull(r.contact()), orNull(r.notes()));
        }

        private static String orNull(String text) {
            return text == null || text.isBlank() ? null : text.strip();
        }
    }
}
