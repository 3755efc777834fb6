package com.revos.voice.provisioning.template.infrastructure;

import com.revos.voice.provisioning.template.application.TemplateCatalog;
import com.revos.voice.provisioning.template.model.DataField;
import com.revos.voice.provisioning.template.model.EvaluationCriterion;
import com.revos.voice.provisioning.template.model.Template;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The catalog is seed data of the schema (Flyway), read-only at runtime and shared by all tenants. */
final class JdbcTemplateCatalog implements TemplateCatalog {

    private static final String COLUMNS = "id, name, description, prompt, first_message, language, voice_id, llm, "
            + "data_collection::text, evaluation_criteria::text";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    JdbcTemplateCatalog(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public List<Template> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM templates ORDER BY name", this::template);
    }

    @Override
    public Optional<Template> byId(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM templates WHERE id = ?", this::template, id).stream()
                .findFirst();
    }

    private Template template(ResultSet rs, int row) throws SQLException {
        return new Template(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8),
                List.of(json.readValue(rs.getString(9), DataField[].class)),
                List.of(json.readValue(rs.getString(10), EvaluationCriterion[].class)));
    }
}
