package id.serambi.social.connections;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.serambi.common.PersonalDataPart;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which of the library's social accounts a person connected (UU PDP): exported as platform, account name and when;
 * erasure forgets who connected them (the connections stay: they are the library's, not the person's).
 */
@ApplicationScoped
public class ConnectionPersonalData implements PersonalDataPart {

    private final SocialConnectionRepository connections;
    private final ObjectMapper json;

    public ConnectionPersonalData(SocialConnectionRepository connections, ObjectMapper json) {
        this.connections = connections;
        this.json = json;
    }

    @Override
    public String key() {
        return "socialConnections";
    }

    @Override
    public Uni<String> export(Member member) {
        return connections.connectedBy(member.userId()).map(list -> {
            List<Map<String, Object>> out = list.stream().map(c -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("platform", c.platform.name());
                row.put("account", c.name);
                row.put("connectedAt", c.connectedAt == null ? null : c.connectedAt.toString());
                return row;
            }).toList();
            try {
                return json.writeValueAsString(out);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Override
    public Uni<Void> erase(Member member) {
        return connections.forgetConnector(member.userId()).replaceWithVoid();
    }
}
