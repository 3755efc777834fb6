package com.revos.voice.dialer.campaign.infrastructure;

import com.revos.voice.dialer.compliance.application.OutcomeCompliance;
import com.revos.voice.dialer.compliance.model.Purpose;
import com.revos.voice.dialer.campaign.application.Campaigns;
import com.revos.voice.dialer.campaign.application.ContactImport;
import com.revos.voice.dialer.campaign.model.Campaign;
import com.revos.voice.dialer.campaign.model.CampaignStatus;
import com.revos.voice.dialer.campaign.model.Progress;
import com.revos.voice.dialer.campaign.model.RetryPolicy;
import com.revos.voice.values.PageWindow;
import com.revos.voice.values.Page;
import com.revos.voice.events.CallingWindow;
import com.revos.voice.events.Pacing;
import com.revos.voice.service.ApiException;
import com.revos.voice.service.IdempotentRequests;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.jspecify.annotations.Nullable;

/**
 * {@code /v1/tenants/{tenantId}/campaigns}: create, upload contacts, start/pause/resume/cancel, status. Each request
 * is one (tenant) transaction, but uploads, which commit batch by batch.
 */
@RestController
@RequestMapping("/v1/tenants/{tenantId}/campaigns")
class CampaignController {

    private final Campaigns campaigns;
    private final CampaignStore store;
    private final ContactUploadReader contactImport;
    private final IdempotentRequests idempotent;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final OutcomeCompliance compliance;

    CampaignController(Campaigns campaigns, CampaignStore store, ContactUploadReader contactImport,
                       IdempotentRequests idempotent, TransactionTemplate transactions, Clock clock,
                       OutcomeCompliance compliance) {
        this.campaigns = campaigns;
        this.store = store;
        this.contactImport = contactImport;
        this.idempotent = idempotent;
        this.transactions = transactions;
        this.clock = clock;
        this.compliance = compliance;
    }

    record WindowBody(@Min(0) @Max(23) Integer startHour, @Min(1) @Max(24) Integer endHour,
                      @Size(max = 7) List<@Size(max = 16) String> days) {
    }

    record PacingBody(@Positive double callsPerSecond, @Positive int maxConcurrent) {
    }

    record Delays(@Min(0) @Nullable Integer busy, @Min(0) @Nullable Integer noAnswer,

                  @Min(0) @Nullable Integer voicemail, @Min(0) @Nullable Integer failed) {
    }

    record RetryBody(@Min(1) @Max(20) Integer maxAttempts, @Valid Delays delays) {
    }

    /** @param purpose {@code marketing} (the default, the stricter reading) or {@code informational} */
    record CreateCampaign(@NotBlank @Size(max = 200) String name, @NotNull UUID agentId, @NotNull UUID phoneNumberId,
                          @Valid WindowBody callingWindow, @Valid @NotNull PacingBody pacing,
                          @Valid RetryBody retryPolicy,
                          @Schema(allowableValues = {"marketing", "informational"})
                          @Pattern(regexp = "marketing|informational", message = "must be marketing or informational")
                          String purpose) {
    }

    /** Live-answered calls of the last 30 days, how many were abandoned, and the pace the campaign keeps. */
    /** What an upload did: rows accepted, and the first rejected ones with their row, number and reason. */
    record ContactUploadView(long accepted, long rejectedCount, List<RejectionView> rejected,
                             boolean rejectedTruncated) {

        static ContactUploadView of(ContactImport.Result result) {
            return new ContactUploadView(result.accepted(), result.rejectedCount(), result.rejected().stream()
                    .map(r -> new RejectionView(r.row(), r.phone(), r.reason())).toList(), result.rejectedTruncated());
        }
    }

    record RejectionView(int row, @Nullable String phone, String reason) {
    }

    record AbandonmentView(long liveAnswered, long abandoned, double rate, double paceFactor) {
    }

    record CampaignView(UUID id, String name, UUID agentId, UUID phoneNumberId, String status, String purpose,

                        CallingWindow callingWindow, Pacing pacing, RetryPolicy retryPolicy, Progress progress,

                        AbandonmentView abandonment30d, Instant createdAt, @Nullable Instant startedAt,

                        @Nullable Instant finishedAt, @Nullable String stoppedReason, @Nullable String retimeNote) {
    }

    @PostMapping
    ResponseEntity<CampaignView> create(@PathVariable UUID tenantId,
                                        @RequestHeader(value = "Idempotency-Key", required = false) String key,
                                        @Valid @RequestBody CreateCampaign request) {
        return idempotent.execute(tenantId, key, request, CampaignView.class, () -> transactions.execute(status -> {
            var created = campaigns.create(toCampaign(tenantId, request));
            return ResponseEntity.status(HttpStatus.CREATED).body(view(created));
        }));
    }

    @GetMapping
    Page<CampaignView> list(@PathVariable UUID tenantId, @RequestParam(defaultValue = "50") int limit,
                            @RequestParam(defaultValue = "0") int offset) {
        var page = PageWindow.of(limit, offset, ApiException::badRequest);
        return transactions.execute(status -> new Page<>(store.list(tenantId, page.limit(), page.offset()).stream()
                .map(this::view).toList(), page.limit(), page.offset(), store.count(tenantId)));
    }

    @GetMapping("/{id}")
    CampaignView get(@PathVariable UUID tenantId, @PathVariable UUID id) {
        return transactions.execute(status -> view(campaigns.get(tenantId, id)));
    }

    /**
     * JSON array of contacts or CSV with a header row; streamed, so tens of thousands of rows per request are fine,
     * within revos.dialer.contacts.* (ContactUploadLimits). With an Idempotency-Key the body is fingerprinted by its
     * bytes first (spooled to a temporary file), so a retried upload is answered, not imported again.
     */
    @PostMapping(path = "/{id}/contacts", consumes = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    ResponseEntity<ContactUploadView> contacts(@PathVariable UUID tenantId, @PathVariable UUID id,
                                                  @RequestHeader(value = "Idempotency-Key", required = false)
                                                  String key, HttpServletRequest request) throws IOException {
        var type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (key == null || key.isBlank()) {
            takingContacts(tenantId, id);
            return ResponseEntity.ok(ContactUploadView.of(contactImport.read(tenantId, id, type,
                    request.getContentLengthLong(), request.getInputStream())));
        }
        try (var upload = contactImport.spool(request.getContentLengthLong(), request.getInputStream())) {
            return idempotent.execute(tenantId, key, Map.of("content_type", type, "sha256", upload.sha256()),
                    ContactUploadView.class, () -> {
                        takingContacts(tenantId, id);
                        return ResponseEntity.ok(ContactUploadView.of(contactImport.read(tenantId, id, type,
                                upload.size(), upload.open())));
                    });
        }
    }

    private void takingContacts(UUID tenantId, UUID id) {
        var campaign = transactions.execute(status -> campaigns.get(tenantId, id));
        if (campaign.status().finished()) {
            throw ApiException.conflict("Campaign " + id + " is " + campaign.status().db() + "; it takes no contacts");
        }
    }

    @PostMapping("/{id}/start")
    ResponseEntity<CampaignView> start(@PathVariable UUID tenantId, @PathVariable UUID id,
                                       @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        return idempotent.execute(tenantId, key, "start:" + id, CampaignView.class,
                () -> transactions.execute(status -> ResponseEntity.ok(view(campaigns.start(tenantId, id)))));
    }

    @PostMapping("/{id}/pause")
    ResponseEntity<CampaignView> pause(@PathVariable UUID tenantId, @PathVariable UUID id,
                                       @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        return idempotent.execute(tenantId, key, "pause:" + id, CampaignView.class, () -> transactions.execute(
                status -> ResponseEntity.ok(view(campaigns.pause(tenantId, id, "operator", null)))));
    }

    @PostMapping("/{id}/resume")
    ResponseEntity<CampaignView> resume(@PathVariable UUID tenantId, @PathVariable UUID id,
                                        @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        return idempotent.execute(tenantId, key, "resume:" + id, CampaignView.class,
                () -> transactions.execute(status -> ResponseEntity.ok(view(campaigns.resume(tenantId, id)))));
    }

    @PostMapping("/{id}/cancel")
    ResponseEntity<CampaignView> cancel(@PathVariable UUID tenantId, @PathVariable UUID id,
                                        @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        return idempotent.execute(tenantId, key, "cancel:" + id, CampaignView.class,
                () -> transactions.execute(status -> ResponseEntity.ok(view(campaigns.cancel(tenantId, id)))));
    }

    private CampaignView view(Campaign c) {
        var abandonment = compliance.abandonment(c.id(), clock.instant());
        return new CampaignView(c.id(), c.name(), c.agentId(), c.phoneNumberId(), c.status().db(),
                c.purpose().wire(), c.callingWindow(), c.pacing(), c.retryPolicy(), store.progress(c.id()),
                new AbandonmentView(abandonment.liveAnswered(), abandonment.abandoned(), abandonment.rate(),
                        abandonment.paceFactor()), c.createdAt(), c.startedAt(), c.finishedAt(),
                store.stoppedReason(c.id()).orElse(null), store.retimeNote(c.id()).orElse(null));
    }

    private Campaign toCampaign(UUID tenantId, CreateCampaign request) {
        var w = request.callingWindow();
        var window = w == null ? CallingWindow.DEFAULT
                : Campaigns.window(w.startHour(), w.endHour(), days(w.days()));
        if (window.startHour() == window.endHour()) {
            throw ApiException.badRequest("calling_window", "start_hour and end_hour must differ");
        }
        var r = request.retryPolicy();
        var d = r == null || r.delays() == null ? new Delays(null, null, null, null) : r.delays();
        var defaults = RetryPolicy.DEFAULT;
        var retry = new RetryPolicy(r == null || r.maxAttempts() == null ? defaults.maxAttempts() : r.maxAttempts(),
                or(d.busy(), defaults.busy()), or(d.noAnswer(), defaults.noAnswer()),
                or(d.voicemail(), defaults.voicemail()), or(d.failed(), defaults.failed()));
        return new Campaign(UUID.randomUUID(), tenantId, request.name(), request.agentId(), request.phoneNumberId(),
                CampaignStatus.DRAFT, window,
                new Pacing(request.pacing().callsPerSecond(), request.pacing().maxConcurrent()), retry,
                clock.instant(), null, null, purpose(request.purpose()));
    }

    private static Purpose purpose(String text) {
        if (text == null) {
            return Purpose.MARKETING;
        }
        return Purpose.parse(text).orElseThrow(() -> ApiException.badRequest("purpose",
                "must be marketing or informational"));
    }

    private static int or(@Nullable Integer value, int fallback) {
        return value == null ? fallback : value;
    }

    private static java.util.Set<DayOfWeek> days(List<String> days) {
        if (days == null || days.isEmpty()) {
            return EnumSet.allOf(DayOfWeek.class);
        }
        var result = EnumSet.noneOf(DayOfWeek.class);
        for (var day : days) {
            result.add(parseDay(day));
        }
        return result;
    }

    private static DayOfWeek parseDay(String day) {
        var text = day.strip().toUpperCase(Locale.ROOT);
        for (var candidate : DayOfWeek.values()) {
            if (candidate.name().equals(text) || candidate.name().startsWith(text) && text.length() >= 3) {
                return candidate;
            }
        }
        throw ApiException.badRequest("calling_window.days", "'" + day + "' is not a day of the week");
    }
}
