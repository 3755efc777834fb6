package com.revos.voice.provisioning.template.application;

import com.revos.voice.provisioning.template.model.Template;
import java.util.List;
import java.util.Optional;

/** The agent templates every tenant can deploy from. */
public interface TemplateCatalog {

    List<Template> all();

    Optional<Template> byId(String id);
}
