package id.serambi.event.catalogue;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableAction;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * iCalendar (RFC 5545) for events, with ical4j. Times go in as Instants, so DTSTART/DTEND are UTC ("...Z"). Each
 * event has an alarm an hour before. The join URL appears only in a confirmed registrant's own calendar.
 */
@ApplicationScoped
public class EventCalendar {

    public static final String MEDIA_TYPE = "text/calendar; charset=UTF-8";
    private static final Duration ALARM_BEFORE = Duration.ofHours(1);

    private final EventLinks links;
    private final String uidDomain;
    private final String organizerEmail;

    public EventCalendar(EventLinks links, id.serambi.common.SerambiConfig config) {
        this.links = links;
        this.organizerEmail = config.library().email();
        String host = URI.create(links.catalogue()).getHost();
        this.uidDomain = host == null ? "serambi" : host;
    }

    /** A calendar of public events: no join URLs. */
    public String publicCalendar(List<Event> events, String name) {
        Calendar calendar = calendar(name);
        events.forEach(e -> calendar.add(vevent(e, null)));
        return write(calendar);
    }

    /** One event for a registrant who holds a seat: with the join URL. */
    public String registrantCalendar(Event event, String joinUrl) {
        Calendar calendar = calendar(event.title);
        calendar.add(vevent(event, joinUrl));
        return write(calendar);
    }

    /**
     * One event for a registrant who cancelled: the same UID with a higher SEQUENCE, STATUS:CANCELLED and
     * METHOD:CANCEL, so a calendar that imported the event removes it (RFC 5546) and none shows it as confirmed.
     */
    public String cancelledRegistration(Event event) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Serambi//" + links.libraryName() + "//ID"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.CANCEL);
        calendar.add(new XProperty("X-WR-CALNAME", event.title));
        VEvent vevent = new VEvent(event.startsAt, event.endsAt, "Dibatalkan: " + event.title);
        vevent.add(new Uid("event-" + event.id + "@" + uidDomain));
        vevent.add(new Url(URI.create(links.eventPage(event.id))));
        net.fortuna.ical4j.model.property.Organizer organizer =
                new net.fortuna.ical4j.model.property.Organizer(URI.create("mailto:" + organizerEmail));
        organizer.add(new net.fortuna.ical4j.model.parameter.Cn(links.libraryName()));
        vevent.add(organizer);
        vevent.add(new Sequence(event.version + 1));
        vevent.add(ImmutableStatus.VEVENT_CANCELLED);
        vevent.add(new Description("Pendaftaran Anda untuk acara ini dibatalkan.\n\n" + links.eventPage(event.id)));
        calendar.add(vevent);
        return write(calendar);
    }

    /** Through CalendarOutputter, which folds long lines at 75 octets as RFC 5545 requires. */
    private static String write(Calendar calendar) {
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private Calendar calendar(String name) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Serambi//" + links.libraryName() + "//ID"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(new XProperty("X-WR-CALNAME", name));
        return calendar;
    }

    private VEvent vevent(Event e, String joinUrl) {
        String page = links.eventPage(e.id);
        VEvent vevent = new VEvent(e.startsAt, e.endsAt, e.title);
        vevent.add(new Uid("event-" + e.id + "@" + uidDomain));
        vevent.add(new Url(URI.create(page)));
        net.fortuna.ical4j.model.property.Organizer organizer =
                new net.fortuna.ical4j.model.property.Organizer(URI.create("mailto:" + organizerEmail));
        organizer.add(new net.fortuna.ical4j.model.parameter.Cn(links.libraryName()));
        vevent.add(organizer);
        vevent.add(new Sequence(e.version));
        vevent.add(e.status == EventStatus.CANCELLED ? ImmutableStatus.VEVENT_CANCELLED
                : ImmutableStatus.VEVENT_CONFIRMED);
        StringBuilder description = new StringBuilder(e.description).append("\n\n").append(page);
        if (joinUrl != null) {
            description.append("\nTautan bergabung: ").append(joinUrl);
            vevent.add(new Location(joinUrl));
        } else {
            vevent.add(new Location(e.platform.displayName()));
        }
        vevent.add(new Description(description.toString()));
        VAlarm alarm = new VAlarm(ALARM_BEFORE.negated());
        alarm.add(ImmutableAction.DISPLAY);
        alarm.add(new Description("Sebentar lagi: " + e.title));
        vevent.add(alarm);
        return vevent;
    }
}
