package id.serambi.challenge.catalogue;

import id.serambi.common.Audience;
import id.serambi.common.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A reading challenge: a period, a goal, scoring rules, daily caps and plausibility thresholds. */
@Entity
@Table(name = "challenge")
public class Challenge extends Timestamps {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String title;
    @Column(columnDefinition = "text")
    public String description;

    @Enumerated(EnumType.STRING)
    public Audience audience;

    @Column(name = "starts_on")
    public LocalDate startsOn;

    @Column(name = "ends_on")
    public LocalDate endsOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "goal_type")
    public GoalType goalType;

    @Column(name = "goal_value")
    public int goalValue;

    @Column(name = "points_per_book")
    public int pointsPerBook;

    @Column(name = "points_per_page")
    public int pointsPerPage;

    @Column(name = "points_per_minute")
    public int pointsPerMinute;

    @Column(name = "max_books_per_day")
    public Integer maxBooksPerDay;

    @Column(name = "max_pages_per_day")
    public Integer maxPagesPerDay;

    @Column(name = "max_minutes_per_day")
    public Integer maxMinutesPerDay;

    @Column(name = "flag_pages_per_day")
    public int flagPagesPerDay;

    @Column(name = "flag_minutes_per_day")
    public int flagMinutesPerDay;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "schools", columnDefinition = "_text" /* PostgreSQL's name for text[], as the schema validator reads it */)
    public String[] schools = new String[0];

    @Enumerated(EnumType.STRING)
    public ChallengeStatus status = ChallengeStatus.DRAFT;

    @Column(name = "created_by")
    public Long createdBy;

    /** The survey participants answer while the challenge runs, or null. */
    @Column(name = "pre_survey_id")
    public Long preSurveyId;

    /** The survey participants answer after it ended (for 30 days), or null; may be the same as the pre survey. */
    @Column(name = "post_survey_id")
    public Long postSurveyId;



    @Version
    public int version;



    /** Points a log earns under this challenge's rules. */
    public int pointsFor(boolean finished, Integer pages, Integer minutes) {
        long points = (finished ? pointsPerBook : 0L)
                + (pages == null ? 0L : (long) pages * pointsPerPage)
                + (minutes == null ? 0L : (long) minutes * pointsPerMinute);
        return (int) Math.min(points, Integer.MAX_VALUE / 4);
    }
}
