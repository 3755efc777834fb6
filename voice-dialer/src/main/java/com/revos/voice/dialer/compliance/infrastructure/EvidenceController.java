package com.revos.voice.dialer.compliance.infrastructure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.revos.voice.dialer.compliance.application.EvidenceLog;
import com.revos.voice.service.ApiException;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/tenants/{tenantId}/campaigns/{id}/evidence}: the campaign's evidence records, one per dial placed
 * and one per dial refused, oldest first, streamed from a database cursor as JSON lines
 * ({@code application/jsonl}, the default) or CSV ({@code ?format=csv} or {@code Accept: text/csv}).
 */
@RestController
@RequestMapping("/v1/tenants/{tenantId}/campaigns/{id}/evidence")
class EvidenceController {

    static final String JSON_LINES = "application/jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EvidenceLog evidence;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    EvidenceController(EvidenceLog evidence, JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.evidence = evidence;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @GetMapping(produces = {JSON_LINES, "text/csv"})
    void export(@PathVariable UUID tenantId, @PathVariable UUID id,
                @RequestParam(required = false) @Schema(allowableValues = {"jsonl", "json", "csv"}) String format,
                @RequestHeader(value = HttpHeaders.ACCEPT, required = false) @Size(max = 256) String accept,
                HttpServletResponse response) {
        var csv = format == null ? accept != null && accept.contains("text/csv") && !accept.contains(JSON_LINES)
                : switch (format) {
                    case "csv" -> true;
                    case "jsonl", "json" -> false;
                    default -> throw ApiException.badRequest("format", "must be jsonl or csv");
                };
        transactions.executeWithoutResult(status -> {
            if (!Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM campaigns WHERE id = ? AND "
                    + "tenant_id = ?)", Boolean.class, id, tenantId))) {
                throw ApiException.notFound("campaign", "No campaign " + id + " for this tenant");
            }
            response.setContentType((csv ? "text/csv" : JSON_LINES) + ";charset=UTF-8");
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"evidence-" + id
                    + (csv ? ".csv\"" : ".jsonl\""));
            try {
                Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
                if (csv) {
                    out.write(EvidenceView.csvHeader());
                }
                evidence.ofCampaign(tenantId, id, record -> {
                    try {
                        out.write(csv ? EvidenceView.csv(record) : JSON.writeValueAsString(EvidenceView.of(record))
                                + "\n");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
