package id.serambi.event.registration;

import id.serambi.common.DatabaseProblems;
import id.serambi.common.ProblemException;
import id.serambi.event.RegistrantWhatsapp;
import id.serambi.event.catalogue.Event;
import id.serambi.event.catalogue.EventCalendar;
import id.serambi.event.catalogue.EventDto;
import id.serambi.event.catalogue.EventLinks;
import id.serambi.event.catalogue.EventRepository;
import id.serambi.event.catalogue.EventStatus;
import id.serambi.survey.SurveyResponses;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Patrons' registrations: register, view and cancel through the manage token, give feedback; and staff's check-in
 * and manual promotion. Every change of one event's registrations locks that event's row, so they queue per event: a
 * new registration for as long as one statement runs ({@link RegistrationRepository#claimAll}), the others for their
 * transaction. The seat count itself is changed only by the guarded SQL of {@link RegistrationRepository}.
 * Every public method answers DTOs or records, never entities.
 */
@ApplicationScoped
public class RegistrationService {

    /**
     * What a registration did: a new one ({@code created}), or a new manage link for the one that patron had. The
     * caller answers both alike; only the e-mail to the address differs. {@code refusal}, when set, is the answer
     * to give after that e-mail: a repeat after the registration window closed still gets its link by e-mail, but
     * the same 409 as anyone else, so the answer never tells who is registered.
     */
    private record Registered(Event event, Registration registration, String token, boolean created,
            long waitlistPosition, ProblemException refusal) {

        Registered(Event event, Registration registration, String token, boolean created, long waitlistPosition) {
            this(event, registration, token, created, waitlistPosition, null);
        }
    }

    /** A registration with its event, as its patron sees it. */
    private record Viewed(Registration registration, Event event, long waitlistCount, long waitlistPosition,
            boolean feedbackGiven) {
    }

    private record Left(Event event, List<Waitlist.Promotion> promotions) {
    }

    private record Promoted(Event event, Waitlist.Promotion promotion) {
    }

    /** What moving registrants to another event did. */
    private record Moved(Event target, List<Waitlist.Promotion> moved, int alreadyRegistered) {
    }

    /** Where a seat holder's check-in QR points: the event and the registration's code. */
    public record CheckinPass(long eventId, String code) {
    }

    /** A registrant's own calendar file of the event. */
    public record RegistrantCalendar(long eventId, String ics) {
    }

    /** A page of an event's registrations, with the total. */
    public record Found(List<StaffRegistrationDto> items, long total) {
    }

    private final EventRepository events;
    private final RegistrationRepository registrations;
    private final FeedbackRepository feedback;
    private final Waitlist waitlist;
    private final EventMails mails;
    private final ClaimLine line;
    private final EventLinks links;
    private final EventCalendar calendar;
    private final RegistrantWhatsapp whatsapp;
    private final SurveyResponses surveyResponses;

    public RegistrationService(EventRepository events, RegistrationRepository registrations,
            FeedbackRepository feedback, Waitlist waitlist, EventMails mails, ClaimLine line, EventLinks links,
            EventCalendar calendar, RegistrantWhatsapp whatsapp, SurveyResponses surveyResponses) {
        this.whatsapp = whatsapp;
        this.surveyResponses = surveyResponses;
        this.events = events;
        this.registrations = registrations;
        this.feedback = feedback;
        this.waitlist = waitlist;
        this.mails = mails;
        this.line = line;
        this.links = links;
        this.calendar = calendar;
    }

    /**
     * Registers a patron: CONFIRMED while seats are left, else WAITLISTED. The same e-mail again (any letter case)
     * e-mails a new manage link for the existing registration. The answer is the same either way.
     */
    public Uni<RegistrationResult> register(long eventId, RegistrationRequest request) {
        String whatsapp = normalizeWhatsapp(request.whatsapp());
        refuseOptInWithoutNumber(request, whatsapp);
        return registerOnce(eventId, request, whatsapp)
                // Two at once with one e-mail: the second hits the unique index; then the first one's exists.
                .onFailure(DatabaseProblems::isUniqueViolation)
                .recoverWithUni(() -> registerOnce(eventId, request, whatsapp))
                .call(r -> r.refusal() == null ? optIn(r.registration(), request) : Uni.createFrom().voidItem())
                .call(r -> mails.registered(r.event(), r.registration(), r.token(), !r.created()))
                .map(r -> {
                    if (r.refusal() != null) {
                        throw r.refusal();
                    }
                    return new RegistrationResult(eventId, request.email().strip(), true);
                });
    }

    /**
     * Reads the event and looks for the same e-mail without locking anything, then claims a seat or a waitlist place
     * through the event's {@link ClaimLine}, which sends the claims waiting at the same moment together, in one
     * statement ({@link RegistrationRepository#claimAll}). The whole path is plain SQL on the pool, without an ORM session: the lookup, the
     * claim, and the waitlist positions.
     */
    private Uni<Registered> registerOnce(long eventId, RegistrationRequest request, String whatsapp) {
        Instant now = Instant.now();
        return registrations.lookup(eventId, request.email()).chain(found -> {
            if (found == null) {
                throw ProblemException.notFound("Event", eventId);
            }
            Event event = found.event();
            refuseIfClosed(event, now);
            if (found.existingId() != null) {
                ProblemException closed = null;
                try {
                    refuseOutsideWindow(event, now);
                } catch (ProblemException e) {
                    closed = e;
                }
                ProblemException refusal = closed;
                return reissue(eventId, found.existingId()).map(r -> new Registered(r.event(), r.registration(),
                        r.token(), false, r.waitlistPosition(), refusal));
            }
            refuseOutsideWindow(event, now);
            String token = ManageTokens.generate();
            String name = request.name().strip();
            String email = request.email().strip();
            String hash = ManageTokens.hash(token);
            return line.claim(eventId, new RegistrationRepository.Claim(name, email, whatsapp, request.ageGroup(), now, hash,
                            request.ref()))
                    .chain(placed -> placed == null ? refuseClosedSince(eventId, now)
                            : Uni.createFrom().item(new Registered(event, placed.registration(), token, true,
                                    placed.waitlistPosition())));
        });
    }

    /** One session of a registration for several sessions at once (a series): public facts only. */
    public record SessionRegistered(long eventId, Instant startsAt) {
    }

    /**
     * Registers a patron for several sessions at once (every open session of a series, say), all or nothing in one
     * transaction: each session CONFIRMED while it has seats, else WAITLISTED, through the same guarded seat SQL as
     * staff's moves ({@link RegistrationRepository#takeSeats}). A session the e-mail is already registered for keeps
     * that registration (and gets a new manage link). If any session refuses (closed since, say), nothing is written.
     * One e-mail lists every session with its status and manage link. The answer, in date order, tells nobody who is
     * registered.
     */
    public Uni<List<SessionRegistered>> registerForSessions(String seriesTitle, List<Long> eventIds,
            RegistrationRequest request) {
        String whatsapp = normalizeWhatsapp(request.whatsapp());
        refuseOptInWithoutNumber(request, whatsapp);
        return sessionsInTransaction(eventIds, request, whatsapp)
                // Two at once with one e-mail: the second hits the unique index, rolls back whole, and tries again.
                .onFailure(DatabaseProblems::isUniqueViolation)
                .recoverWithUni(() -> sessionsInTransaction(eventIds, request, whatsapp))
                .call(all -> Multi.createFrom().iterable(all)
                        .onItem().transformToUniAndConcatenate(r -> optIn(r.registration(), request))
                        .collect().asList())
                .call(all -> mails.registeredForSessions(seriesTitle, all.stream()
                        .map(r -> new EventMails.Session(r.event(), r.registration(), r.token(), !r.created())).toList()))
                .map(all -> all.stream().map(r -> new SessionRegistered(r.event().id, r.event().startsAt)).toList());
    }

    /** Locks the sessions in id order (so two such registrations never deadlock), then registers for each in date order. */
    @WithTransaction
    Uni<List<Registered>> sessionsInTransaction(List<Long> eventIds, RegistrationRequest request, String whatsapp) {
        Instant now = Instant.now();
        String email = request.email().strip();
        return Multi.createFrom().iterable(eventIds.stream().distinct().sorted().toList())
                .onItem().transformToUniAndConcatenate(this::lockedEvent)
                .collect().asList()
                .chain(locked -> Multi.createFrom().iterable(locked.stream()
                                .sorted(java.util.Comparator.comparing((Event e) -> e.startsAt).thenComparing(e -> e.id))
                                .toList())
                        .onItem().transformToUniAndConcatenate(event -> {
                            refuseIfClosed(event, now);
                            refuseOutsideWindow(event, now);
                            return registerLocked(event, request, email, whatsapp, now);
                        })
                        .collect().asList());
    }

    /** One session, its row locked: the e-mail's registration again, or a new one with a seat if one is left. */
    private Uni<Registered> registerLocked(Event event, RegistrationRequest request, String email, String whatsapp,
            Instant now) {
        return registrations.findActiveByEmail(event.id, email).chain(existing -> {
            if (existing != null) {
                return registrations.issueToken(existing.id).chain(token -> registrations.waitlistPosition(existing)
                        .map(position -> new Registered(event, existing, token, false, position)));
            }
            return registrations.takeSeats(event.id, 1).chain(seat -> {
                Registration r = new Registration();
                r.eventId = event.id;
                r.name = request.name().strip();
                r.email = email;
                r.whatsapp = whatsapp;
                r.ageGroup = request.ageGroup();
                r.refCode = request.ref();
                r.status = seat ? RegistrationStatus.CONFIRMED : RegistrationStatus.WAITLISTED;
                r.createdAt = now;
                r.confirmedAt = seat ? now : null;
                return registrations.persistAndFlush(r).chain(() -> registrations.issueToken(r.id))
                        .chain(token -> registrations.waitlistPosition(r)
                                .map(position -> new Registered(event, r, token, true, position)));
            });
        });
    }

    /** The same patron again: a new manage link for the registration they have. */
    @WithTransaction
    Uni<Registered> reissue(long eventId, long registrationId) {
        return events.findById(eventId).chain(event -> registrations.findById(registrationId)
                .chain(existing -> registrations.issueToken(existing.id)
                        .chain(token -> registrations.waitlistPosition(existing)
                                .map(position -> new Registered(event, existing, token, false, position)))));
    }

    /** The event stopped taking registrations between the check and the claim (cancelled, say): say why. */
    @WithSession
    Uni<Registered> refuseClosedSince(long eventId, Instant now) {
        return events.findById(eventId).map(event -> {
            if (event == null) {
                throw ProblemException.notFound("Event", eventId);
            }
            refuseIfClosed(event, now);
            throw ProblemException.conflict("event-not-published", "Event not published",
                    "Event " + eventId + " no longer takes registrations");
        });
    }

    /** The registration a manage token opens, as its patron sees it. */
    public Uni<RegistrationView> view(String token) {
        return viewed(token).chain(v -> whatsapp.optedIn(v.registration().id).map(on -> toView(v, token, on)));
    }

    /** The patron switches WhatsApp messages off on the manage page; e-mail carries them from now on. */
    public Uni<RegistrationView> stopWhatsapp(String token) {
        return viewed(token).chain(v -> whatsapp.optOut(v.registration().id)).chain(() -> view(token));
    }

    /** The form's checkbox: this registration's messages go to WhatsApp, in the language asked for. */
    private Uni<Void> optIn(Registration r, RegistrationRequest request) {
        return request.wantsWhatsapp() && r.whatsapp != null
                ? whatsapp.optIn(r.id, request.language() == null ? "id" : request.language())
                : Uni.createFrom().voidItem();
    }

    private static void refuseOptInWithoutNumber(RegistrationRequest request, String whatsapp) {
        if (request.wantsWhatsapp() && whatsapp == null) {
            throw ProblemException.invalidField("whatsappOptIn", "needs a WhatsApp number");
        }
    }

    @WithSession
    Uni<Viewed> viewed(String token) {
        return idsFor(token).chain(ids -> registrations.findById(ids[0])
                .chain(r -> events.findById(ids[1])
                        .chain(event -> events.waitlistCount(event.id)
                                .chain(waiting -> registrations.waitlistPosition(r)
                                        .chain(position -> feedback.findById(r.id)
                                                .map(given -> new Viewed(r, event, waiting, position,
                                                        given != null)))))));
    }

    /** The check-in QR's content; a 409 for a registration that holds no seat. */
    public Uni<CheckinPass> checkinPass(String token) {
        return viewed(token).map(v -> {
            Registration r = v.registration();
            if (r.status != RegistrationStatus.CONFIRMED && r.status != RegistrationStatus.ATTENDED) {
                throw ProblemException.conflict("no-seat", "No seat",
                        "Only a confirmed registration has a check-in code; this one is " + r.status);
            }
            if (!v.event().platform.inPerson()) {
                throw ProblemException.conflict("online-event", "Online event",
                        "Only an event held in person has a check-in code; this one is on "
                                + v.event().platform.displayName());
            }
            return new CheckinPass(v.event().id, r.checkinCode);
        });
    }

    /**
     * The event as an iCalendar file, with the join URL while the registration holds a seat. A cancelled
     * registration's file cancels the event in the patron's calendar (METHOD:CANCEL, STATUS:CANCELLED).
     */
    public Uni<RegistrantCalendar> calendar(String token) {
        return viewed(token).map(v -> new RegistrantCalendar(v.event().id,
                v.registration().status == RegistrationStatus.CANCELLED
                        ? calendar.cancelledRegistration(v.event())
                        : calendar.registrantCalendar(v.event(), joinUrlFor(v))));
    }

    private RegistrationView toView(Viewed v, String token, boolean whatsappMessages) {
        Registration r = v.registration();
        Event e = v.event();
        Instant now = Instant.now();
        boolean cancellable = (r.status == RegistrationStatus.CONFIRMED || r.status == RegistrationStatus.WAITLISTED)
                && now.isBefore(e.startsAt);
        boolean afterStart = r.holdsSeat() && e.status != EventStatus.CANCELLED && !now.isBefore(e.startsAt);
        boolean feedbackOpen = afterStart && e.feedbackSurveyId == null && !v.feedbackGiven();
        String feedbackSurvey = afterStart && e.feedbackSurveyId != null
                ? EventLinks.feedbackSurveyPath(e.feedbackSurveyId, token) : null;
        return new RegistrationView(r.id, r.name, r.email, r.whatsapp, r.ageGroup, r.status,
                v.waitlistPosition() > 0 ? (int) v.waitlistPosition() : null, r.createdAt, joinUrlFor(v),
                cancellable, feedbackOpen, v.feedbackGiven(), whatsappConfirmation(r, e, token),
                whatsappMessages && r.whatsapp != null,
                r.holdsSeat() && e.platform.inPerson() ? "/api/registrations/" + token + "/qr.png" : null,
                feedbackSurvey, EventDto.of(e, v.waitlistCount(), links));
    }

    /**
     * A click-to-chat link to the patron's own WhatsApp number carrying the confirmation, so that it sits in their
     * chats. Null when they gave no number.
     */
    private String whatsappConfirmation(Registration r, Event e, String token) {
        String status = switch (r.status) {
            case CONFIRMED, ATTENDED -> "terdaftar";
            case WAITLISTED -> "dalam daftar tunggu";
            case CANCELLED -> null; // nothing to keep: a cancelled registration offers no confirmation to save
        };
        if (status == null) {
            return null;
        }
        return links.whatsappTo(r.whatsapp, "Pendaftaran " + r.name + " untuk \"" + e.title + "\" ("
                + links.format(e.startsAt) + ") " + status + ". Kelola pendaftaran: " + links.managePage(token)
                + " - " + links.libraryName());
    }

    /** The join URL is for registrants holding a seat of an event that still takes place. */
    private static String joinUrlFor(Viewed v) {
        return v.registration().holdsSeat() && v.event().status != EventStatus.CANCELLED
                && v.event().status != EventStatus.DRAFT ? v.event().joinUrl : null;
    }

    /**
     * The patron cancels. A confirmed seat goes to the first in line on the waitlist, who is e-mailed. Cancelling
     * again changes nothing.
     */
    public Uni<RegistrationView> cancel(String token) {
        return cancelInTransaction(token).call(left -> mails.promoted(left.event(), left.promotions()))
                .chain(left -> view(token));
    }

    @WithTransaction
    Uni<Left> cancelInTransaction(String token) {
        Instant now = Instant.now();
        return idsFor(token).chain(ids -> lockedEvent(ids[1]).chain(event -> registrations.findForUpdate(ids[0])
                .chain(r -> {
                    if (r.status == RegistrationStatus.CANCELLED) {
                        return Uni.createFrom().item(new Left(event, List.of()));
                    }
                    if (r.status == RegistrationStatus.ATTENDED) {
                        throw ProblemException.conflict("already-attended", "Already attended",
                                "This registration was checked in and can no longer be cancelled");
                    }
                    if (!now.isBefore(event.startsAt)) {
                        throw ProblemException.conflict("event-started", "Event started",
                                "The event has already started; the registration can no longer be cancelled");
                    }
                    return cancelLocked(event, r, now);
                })));
    }

    /**
     * Cancels an active registration of an event that has not started; the caller holds the event's and the
     * registration's row locks. A confirmed seat passes to the first in line, or is freed.
     */
    private Uni<Left> cancelLocked(Event event, Registration r, Instant now) {
        boolean heldSeat = r.status == RegistrationStatus.CONFIRMED;
        r.status = RegistrationStatus.CANCELLED;
        r.cancelledAt = now;
        return registrations.flush().chain(() -> {
            if (!heldSeat) {
                return Uni.createFrom().item(new Left(event, List.of()));
            }
            // The seat passes to the first in line; with nobody waiting, it is freed.
            Uni<List<Waitlist.Promotion>> promoted = event.status == EventStatus.PUBLISHED
                    ? waitlist.promote(event.id, 1, false) : Uni.createFrom().item(List.of());
            return promoted.call(p -> p.isEmpty() ? registrations.releaseSeats(event.id, 1)
                    : Uni.createFrom().voidItem()).map(p -> new Left(event, p));
        });
    }

    /**
     * Everything held about the registration a manage token opens, as a JSON document (UU PDP: the guest's right
     * of access).
     */
    @WithSession
    public Uni<String> export(String token) {
        return idsFor(token).chain(ids -> registrations.export(ids[0]).chain(doc -> whatsapp.export(List.of(ids[0]))
                .chain(wa -> surveyResponses.exportOfRegistrations(List.of(ids[0])).map(answered -> {
                    JsonArray consents = new JsonArray(wa);
                    return new JsonObject(doc)
                            .put("whatsapp", consents.isEmpty() ? null : consents.getJsonObject(0))
                            .put("surveyResponses", new JsonArray(answered)).encode();
                }))));
    }

    /**
     * The guest erases their personal data (UU PDP). An active registration of an event that has not started is
     * cancelled first, exactly as {@link #cancel} does (the seat goes to the first in line); then the name, e-mail and
     * WhatsApp number are overwritten, the name shown with their live questions is removed, the survey responses given
     * through its manage link (answers, age group, minor flag) are deleted in the same transaction, and every manage
     * link of the registration stops working. The row stays, so the event's counts and attendance stay true.
     */
    public Uni<Void> erase(String token) {
        // The WhatsApp opt-in is withdrawn and its messages deleted (the number's BERHENTI, if any, stays).
        return viewed(token).map(v -> v.registration().id).chain(id -> eraseInTransaction(token)
                .call(left -> mails.promoted(left.event(), left.promotions()))
                .call(() -> whatsapp.erase(List.of(id))))
                .replaceWithVoid();
    }

    @WithTransaction
    Uni<Left> eraseInTransaction(String token) {
        Instant now = Instant.now();
        return idsFor(token).chain(ids -> lockedEvent(ids[1]).chain(event -> registrations.findForUpdate(ids[0])
                .chain(r -> {
                    boolean active = r.status == RegistrationStatus.CONFIRMED
                            || r.status == RegistrationStatus.WAITLISTED;
                    Uni<Left> left = active && now.isBefore(event.startsAt) ? cancelLocked(event, r, now)
                            : Uni.createFrom().item(new Left(event, List.of()));
                    return left.call(() -> registrations.erasePersonalData(r))
                            .call(() -> surveyResponses.eraseOfRegistration(r.id));
                })));
    }

    /** Staff scanned a patron's QR: the code names the registration within the event. */
    @WithTransaction
    public Uni<StaffRegistrationDto> checkInByCode(long eventId, String code) {
        return registrations.findByCheckinCode(eventId, code)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Check-in code", code))
                .chain(r -> checkIn(eventId, r.id));
    }

    /** Staff mark a confirmed registrant as present. Checking in twice changes nothing. */
    @WithTransaction
    public Uni<StaffRegistrationDto> checkIn(long eventId, long registrationId) {
        return lockedRegistration(eventId, registrationId).chain(r -> {
            if (r.status == RegistrationStatus.ATTENDED) {
                return Uni.createFrom().item(r);
            }
            if (r.status != RegistrationStatus.CONFIRMED) {
                throw ProblemException.conflict("not-confirmed", "Not confirmed",
                        "Registration " + registrationId + " is " + r.status + "; only a CONFIRMED one can check in");
            }
            r.status = RegistrationStatus.ATTENDED;
            r.attendedAt = Instant.now();
            return registrations.flush().replaceWith(r);
        }).map(StaffRegistrationDto::of);
    }

    /** Staff give a seat to a particular waitlisted registrant, if a seat is left. */
    public Uni<StaffRegistrationDto> promote(long eventId, long registrationId) {
        return promoteInTransaction(eventId, registrationId)
                .call(p -> mails.promoted(p.event(), List.of(p.promotion())))
                .map(p -> StaffRegistrationDto.of(p.promotion().registration()));
    }

    @WithTransaction
    Uni<Promoted> promoteInTransaction(long eventId, long registrationId) {
        return lockedEvent(eventId).chain(event -> lockedRegistration(eventId, registrationId).chain(r -> {
            if (r.status != RegistrationStatus.WAITLISTED) {
                throw ProblemException.conflict("not-waitlisted", "Not waitlisted",
                        "Registration " + registrationId + " is " + r.status + ", not WAITLISTED");
            }
            if (event.status != EventStatus.PUBLISHED) {
                throw ProblemException.conflict("event-closed", "Event closed",
                        "Event " + eventId + " is " + event.status);
            }
            return registrations.takeSeats(eventId, 1).chain(seat -> {
                if (!seat) {
                    throw ProblemException.conflict("event-full", "Event full",
                            "All " + event.capacity + " seats are taken; raise the capacity first");
                }
                r.status = RegistrationStatus.CONFIRMED;
                r.confirmedAt = Instant.now();
                return registrations.issueToken(r.id).map(token -> new Promoted(event, new Waitlist.Promotion(r, token)));
            });
        }));
    }

    /** Feedback after the event has started, once per registration that held a seat. */
    @WithTransaction
    public Uni<FeedbackDto> feedback(String token, FeedbackRequest request) {
        return idsFor(token).chain(ids -> registrations.findForUpdate(ids[0]).chain(r -> events.findById(ids[1])
                .chain(event -> {
                    if (!r.holdsSeat()) {
                        throw ProblemException.conflict("not-attendee", "Not an attendee",
                                "Only a registration that held a seat can give feedback; this one is " + r.status);
                    }
                    if (event.status == EventStatus.CANCELLED) {
                        throw ProblemException.conflict("event-cancelled", "Event cancelled",
                                "The event was cancelled");
                    }
                    if (Instant.now().isBefore(event.startsAt)) {
                        throw ProblemException.conflict("event-not-started", "Event not started",
                                "Feedback opens when the event starts");
                    }
                    if (event.feedbackSurveyId != null) {
                        throw ProblemException.conflict("feedback-by-survey", "Feedback by survey",
                                "This event asks for feedback through its survey: "
                                        + EventLinks.feedbackSurveyPath(event.feedbackSurveyId, token));
                    }
                    return feedback.findById(r.id).chain(existing -> {
                        if (existing != null) {
                            throw ProblemException.conflict("feedback-exists", "Feedback already given",
                                    "Feedback for this registration was already given");
                        }
                        EventFeedback given = new EventFeedback();
                        given.registrationId = r.id;
                        given.eventId = event.id;
                        given.rating = request.rating().shortValue();
                        given.comment = request.comment() == null || request.comment().isBlank() ? null
                                : request.comment().strip();
                        return feedback.persist(given).map(FeedbackDto::of);
                    });
                })));
    }

    /** The feedback given through this registration; 404 when none was given. */
    @WithSession
    public Uni<FeedbackDto> feedbackGiven(String token) {
        return idsFor(token).chain(ids -> feedback.findById(ids[0])).map(given -> {
            if (given == null) {
                throw new ProblemException(404, "not-found", "Not found", "No feedback was given for this registration");
            }
            return FeedbackDto.of(given);
        });
    }

    /** An event's feedback, newest first, with the average rating (staff). */
    @WithSession
    public Uni<FeedbackSummary> feedbackOf(long eventId) {
        return events.findById(eventId).onItem().ifNull().failWith(() -> ProblemException.notFound("Event", eventId))
                .chain(event -> feedback.ofEvent(eventId)).map(all -> new FeedbackSummary(all.size(),
                        all.isEmpty() ? null : all.stream().mapToInt(f -> f.rating).average().orElse(0),
                        all.stream().map(FeedbackDto::of).toList()));
    }

    /**
     * Moves the active registrants of an event to another (a rescheduled session): seat holders first, then the
     * waitlist, each in arrival order, taking seats in the target while they last. Patrons already registered for
     * the target keep that registration. The source event and its registrations are cancelled, and every moved
     * patron gets an e-mail with a new manage link.
     */
    public Uni<MoveResult> move(long fromId, long toId) {
        if (fromId == toId) {
            return Uni.createFrom().failure(
                    ProblemException.invalidField("targetEventId", "must be another event"));
        }
        return moveInTransaction(fromId, toId).call(m -> mails.moved(m.target(), m.moved())).map(m -> {
            int confirmed = (int) m.moved().stream().filter(p -> p.registration().holdsSeat()).count();
            return new MoveResult(m.moved().size(), confirmed, m.moved().size() - confirmed, m.alreadyRegistered());
        });
    }

    @WithTransaction
    Uni<Moved> moveInTransaction(long fromId, long toId) {
        Instant now = Instant.now();
        // Lock both events, always in id order, so two opposite moves cannot deadlock.
        return lockedEvent(Math.min(fromId, toId)).chain(a -> lockedEvent(Math.max(fromId, toId)).chain(b -> {
            Event source = a.id == fromId ? a : b;
            Event target = a.id == toId ? a : b;
            if (source.status != EventStatus.PUBLISHED) {
                throw ProblemException.conflict("event-closed", "Event closed",
                        "Registrants can only be moved from a published event; event " + fromId + " is "
                                + source.status + " (move them before cancelling: moving cancels the source)");
            }
            refuseIfClosed(target, now);
            return registrations.active(fromId).chain(active -> {
                List<Registration> inOrder = active.stream()
                        .filter(r -> r.status == RegistrationStatus.CONFIRMED).collect(Collectors.toCollection(ArrayList::new));
                active.stream().filter(r -> r.status == RegistrationStatus.WAITLISTED).forEach(inOrder::add);
                int seatsFreed = (int) inOrder.stream().filter(r -> r.status == RegistrationStatus.CONFIRMED).count();
                return Multi.createFrom().iterable(inOrder)
                        .onItem().transformToUniAndConcatenate(r -> moveOne(r, target, now))
                        .collect().asList()
                        .call(() -> registrations.releaseSeats(fromId, seatsFreed))
                        .map(results -> {
                            source.status = EventStatus.CANCELLED;
                            source.cancelledAt = now;
                            List<Waitlist.Promotion> moved = results.stream()
                                    .filter(Objects::nonNull).toList();
                            return new Moved(target, moved, inOrder.size() - moved.size());
                        });
            });
        }));
    }

    /**
     * The new registration with its token, or no item (null, which the Multi drops) when the patron was already
     * registered for the target.
     */
    private Uni<Waitlist.Promotion> moveOne(Registration from, Event target, Instant now) {
        from.status = RegistrationStatus.CANCELLED;
        from.cancelledAt = now;
        return registrations.findActiveByEmail(target.id, from.email).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().nullItem();
            }
            return registrations.takeSeats(target.id, 1).chain(seat -> {
                Registration r = new Registration();
                r.eventId = target.id;
                r.name = from.name;
                r.email = from.email;
                r.whatsapp = from.whatsapp;
                r.ageGroup = from.ageGroup;
                r.status = seat ? RegistrationStatus.CONFIRMED : RegistrationStatus.WAITLISTED;
                r.confirmedAt = seat ? now : null;
                return registrations.persistAndFlush(r).call(() -> whatsapp.carryOver(from.id, r.id))
                        .chain(() -> registrations.issueToken(r.id))
                        .map(token -> new Waitlist.Promotion(r, token));
            });
        });
    }

    /** A page of an event's registrations in arrival order, with the total, and each one's WhatsApp state. */
    @WithSession
    public Uni<Found> page(long eventId, RegistrationStatus status, String search, int page, int size) {
        return events.findById(eventId).onItem().ifNull().failWith(() -> ProblemException.notFound("Event", eventId))
                .chain(event -> registrations.page(eventId, status, search, page, size))
                .chain(found -> {
                    Map<Long, String> numbers = new HashMap<>();
                    found.items().forEach(r -> numbers.put(r.id, r.whatsapp));
                    return whatsapp.states(numbers).map(states -> new Found(found.items().stream()
                            .map(r -> StaffRegistrationDto.of(r, states.get(r.id))).toList(), found.total()));
                });
    }

    /** All of an event's registrations (of one status, if given), in arrival order. */
    @WithSession
    public Uni<List<StaffRegistrationDto>> ofEvent(long eventId, RegistrationStatus status) {
        return events.findById(eventId).onItem().ifNull().failWith(() -> ProblemException.notFound("Event", eventId))
                .chain(event -> registrations.ofEvent(eventId, status))
                .map(all -> all.stream().map(StaffRegistrationDto::of).toList());
    }

    private Uni<Event> lockedEvent(long eventId) {
        return events.findForUpdate(eventId).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("Event", eventId));
    }

    private Uni<Registration> lockedRegistration(long eventId, long registrationId) {
        return registrations.findForUpdate(registrationId).map(r -> {
            if (r == null || r.eventId != eventId) {
                throw new ProblemException(404, "not-found", "Not found",
                        "Registration " + registrationId + " does not exist for event " + eventId);
            }
            return r;
        });
    }

    /** [registration id, event id] of a manage token; a 404 for anything else. */
    private Uni<Long[]> idsFor(String token) {
        if (!ManageTokens.wellFormed(token)) {
            return Uni.createFrom().failure(unknownToken());
        }
        return registrations.idsForToken(ManageTokens.hash(token)).map(row -> {
            if (row == null) {
                throw unknownToken();
            }
            return new Long[] { (Long) row[0], (Long) row[1] };
        });
    }

    private static ProblemException unknownToken() {
        return new ProblemException(404, "not-found", "Not found", "No registration has this manage link");
    }

    /** A registration for a draft, cancelled or finished event is a 409 whoever asks. */
    static void refuseIfClosed(Event event, Instant now) {
        switch (event.status) {
            case DRAFT -> throw ProblemException.conflict("event-not-published", "Event not published",
                    "Event " + event.id + " is not published yet; registration is not possible");
            case CANCELLED -> throw ProblemException.conflict("event-cancelled", "Event cancelled",
                    "Event " + event.id + " was cancelled; registration is closed");
            case COMPLETED -> throw ProblemException.conflict("event-over", "Event over",
                    "Event " + event.id + " has ended; registration is closed");
            default -> {
            }
        }
        if (!now.isBefore(event.endsAt)) {
            throw ProblemException.conflict("event-over", "Event over",
                    "Event " + event.id + " has ended; registration is closed");
        }
    }

    static void refuseOutsideWindow(Event event, Instant now) {
        if (event.registrationOpensAt != null && now.isBefore(event.registrationOpensAt)) {
            throw ProblemException.conflict("registration-not-open", "Registration not open yet",
                    "Registration for event " + event.id + " opens at " + event.registrationOpensAt);
        }
        if (!now.isBefore(event.effectiveRegistrationClose())) {
            throw ProblemException.conflict("registration-closed", "Registration closed",
                    "Registration for event " + event.id + " closed at " + event.effectiveRegistrationClose());
        }
    }

    /** E.164: +62 812... as typed, or an Indonesian 0812-... number; spaces, dots and dashes are ignored. */
    static String normalizeWhatsapp(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String digits = raw.strip().replaceAll("[\\s.()-]", "");
        if (digits.startsWith("0") && !digits.startsWith("00")) {
            digits = "+62" + digits.substring(1);
        } else if (digits.startsWith("00")) {
            digits = "+" + digits.substring(2);
        }
        if (!digits.matches("\\+[1-9][0-9]{7,14}")) {
            throw ProblemException.invalidField("whatsapp",
                    "must be a phone number such as +6281234567890 or 0812-3456-7890");
        }
        return digits;
    }
}
