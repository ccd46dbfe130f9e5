package id.serambi.challenge.participation;

import id.serambi.common.SerambiConfig;
import id.serambi.notification.Notice;
import id.serambi.notification.NotificationKind;
import id.serambi.notification.Notifications;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * When a challenge with an after-challenge survey ends, each participant gets a notice (in Serambi and by e-mail,
 * through the notification feature) with the survey's link, once: the participant rows are claimed by an UPDATE ...
 * RETURNING and the notices written in the same transaction, so any number of instances send each one once. A
 * challenge that ended more than the survey's window ago is left alone (a first start never notifies about old
 * challenges). It runs as often as the reminder jobs ({@code serambi.events.reminder-every}, off in tests).
 */
@ApplicationScoped
public class PostSurveyNotices {

    private static final Logger LOG = Logger.getLogger(PostSurveyNotices.class);

    private final ParticipantRepository participants;
    private final Notifications notifications;
    private final ZoneId zone;

    public PostSurveyNotices(ParticipantRepository participants, Notifications notifications, SerambiConfig config) {
        this.participants = participants;
        this.notifications = notifications;
        this.zone = config.library().timeZone();
    }

    @Scheduled(identity = "challenge-post-survey-notices", every = "${serambi.events.reminder-every:5m}",
            delayed = "${serambi.events.reminder-delay:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return sendDue().onFailure().recoverWithItem(e -> {
            LOG.error("After-challenge survey notices failed", e);
            return 0;
        }).replaceWithVoid();
    }

    /** Claims and notifies the participants due the notice; how many this call notified. */
    @WithTransaction
    public Uni<Integer> sendDue() {
        LocalDate today = LocalDate.now(zone);
        LocalDate since = today.minusDays(ChallengeSurveyContexts.POST_WINDOW.toDays());
        return participants.claimPostSurveyNotices(today, since).call(due -> {
            Map<Long, List<ParticipantRepository.PostSurveyDue>> byChallenge = due.stream().collect(
                    Collectors.groupingBy(ParticipantRepository.PostSurveyDue::challengeId, LinkedHashMap::new,
                            Collectors.toList()));
            return Multi.createFrom().iterable(byChallenge.values()).onItem().transformToUniAndConcatenate(list -> {
                ParticipantRepository.PostSurveyDue first = list.get(0);
                return notifications.notify(list.stream().map(ParticipantRepository.PostSurveyDue::userId).toList(),
                        notice(first));
            }).collect().last();
        }).invoke(due -> {
            if (!due.isEmpty()) {
                LOG.infof("Sent %d after-challenge survey notices", due.size());
            }
        }).map(List::size);
    }

    private Notice notice(ParticipantRepository.PostSurveyDue d) {
        return new Notice(NotificationKind.CHALLENGE_SURVEY, "Isi survei akhir: " + d.title(),
                "Tantangan \"" + d.title() + "\" sudah selesai. Terima kasih sudah ikut! Ceritakan pengalamanmu lewat "
                        + "survei singkat ini; survei dibuka " + ChallengeSurveyContexts.POST_WINDOW.toDays()
                        + " hari setelah tantangan berakhir.",
                surveyPath(d.surveyId(), d.challengeId()));
    }

    /** The survey's page for a challenge, inside the web app. */
    static String surveyPath(long surveyId, long challengeId) {
        return "/survei/" + surveyId + "?tantangan=" + challengeId;
    }
}
