package com.revos.voice.provisioning.template.infrastructure;

import com.revos.voice.values.Page;
import com.revos.voice.provisioning.common.application.PageRequest;
import com.revos.voice.provisioning.common.application.ProvisioningException;
import com.revos.voice.provisioning.template.application.TemplateCatalog;
import com.revos.voice.provisioning.template.model.Template;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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

    @GetMapping
    @Operation(summary = "List the agent templates (the catalog is small: it is read whole, then paged)")
    Page<Template> list(@RequestParam(required = false) Integer limit,
                        @RequestParam(required = false) Integer offset) {
        var window = PageRequest.of(limit, offset);
        var all = catalog.all();
        var from = Math.min(window.offset(), all.size());
        var to = Math.min(from + window.limit(), all.size());
        return new Page<>(all.subList(from, to), window.limit(), window.offset(), all.size());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One agent template with its prompt, data collection and evaluation criteria")
    Template get(@PathVariable String id) {
        return catalog.byId(id).orElseThrow(() -> ProvisioningException.notFound("template", id));
    }
}
