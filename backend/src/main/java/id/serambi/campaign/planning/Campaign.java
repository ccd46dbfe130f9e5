package id.serambi.campaign.planning;

import id.serambi.common.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A social-media campaign: a theme, a period, the platforms it targets and (in {@link CampaignKpi}) its KPI targets. */
@Entity
@Table(name = "campaign")
public class Campaign extends Timestamps {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String title;
    @Column(columnDefinition = "text")
    public String goal;

    @Enumerated(EnumType.STRING)
    public CampaignTheme theme;

    @Column(name = "starts_on")
    public LocalDate startsOn;

    @Column(name = "ends_on")
    public LocalDate endsOn;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "platforms", columnDefinition = "_text" /* PostgreSQL's name for text[], as the schema validator reads it */)
    public String[] platforms = new String[0];

    @Column(name = "created_by")
    public Long createdBy;



    public int version;
}
