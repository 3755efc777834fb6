package com.revos.voice.provisioning.template.infrastructure;

import com.revos.voice.values.Page;
import com.revos.voice.values.PageWindow;
import com.revos.voice.provisioning.common.application.ProvisioningException;
import com.revos.voice.provisioning.template.application.TemplateCatalog;
import com.revos.voice.provisioning.template.model.Template;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v1/templates")
@Tag(name = "Templates", description = "The catalog of agent templates (any authenticated caller)")
class TemplateController {

    private final TemplateCatalog catalog;

    TemplateController(TemplateCatalog catalog) {
        this.catalog = catalog;
    }

    /** A template as the API shows it. */
    record TemplateView(String id, String name, String description, String prompt, String firstMessage,
                        String language, String voiceId, String llm, List<DataFieldView> dataCollection,
                        List<CriterionView> evaluationCriteria) {

        static TemplateView of(Template t) {
            return new TemplateView(t.id(), t.name(), t.description(), t.prompt(), t.firstMessage(), t.language(),
                    t.voiceId(), t.llm(), t.dataCollection().stream()
                            .map(f -> new DataFieldView(f.id(), f.type(), f.description())).toList(),
                    t.evaluationCriteria().stream()
                            .map(c -> new CriterionView(c.id(), c.name(), c.conversationGoalPrompt())).toList());
        }
    }

    /** One thing the agent extracts from each conversation; {@code type} is boolean, string, integer or number. */
    record DataFieldView(String id, String type, String description) {
    }

    /** A goal the post-call analysis judges each conversation against. */
    record CriterionView(String id, String name, String conversationGoalPrompt) {
    }

    @GetMapping
    @Operation(summary = "List the agent templates (the catalog is small: it is read whole, then paged)")
    Page<TemplateView> list(@RequestParam(required = false) @Nullable Integer limit,
                            @RequestParam(required = false) @Nullable Integer offset) {
        var window = PageWindow.of(limit, offset, ProvisioningException::invalid);
        var all = catalog.all();
        var from = Math.min(window.offset(), all.size());
        var to = Math.min(from + window.limit(), all.size());
        return new Page<>(all.subList(from, to), window.limit(), window.offset(), all.size()).map(TemplateView::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One agent template with its prompt, data collection and evaluation criteria")
    TemplateView get(@PathVariable String id) {
        return catalog.byId(id).map(TemplateView::of)
                .orElseThrow(() -> ProvisioningException.notFound("template", id));
    }
}
