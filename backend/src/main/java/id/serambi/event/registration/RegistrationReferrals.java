package id.serambi.event.registration;

import id.serambi.common.SerambiConfig;
import id.serambi.event.Events;
import id.serambi.event.catalogue.EventReferrals;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;

/** {@link EventReferrals} from the registrations' {@code ref_code}, in one query on the caller's session. */
@ApplicationScoped
public class RegistrationReferrals implements EventReferrals {

    /** Before any registration and after every one: the bounds of an open-ended period. */
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9000-01-01T00:00:00Z");

    private final RegistrationRepository registrations;
    private final ZoneId zone;

    public RegistrationReferrals(RegistrationRepository registrations, SerambiConfig config) {
        this.registrations = registrations;
        this.zone = config.library().timeZone();
    }

    @Override
    public Uni<List<Events.Referral>> referrals(Collection<String> codes, LocalDate from, LocalDate to) {
        if (codes.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Instant start = from == null ? EARLIEST : from.atStartOfDay(zone).toInstant();
        Instant end = to == null ? LATEST : to.plusDays(1).atStartOfDay(zone).toInstant();
        return registrations.referrals(codes, start, end, zone.getId());
    }
}
