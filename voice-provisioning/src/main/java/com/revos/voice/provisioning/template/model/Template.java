package com.revos.voice.provisioning.template.model;

import java.util.List;

/** An agent template of the catalog: a ready-to-deploy script with what to collect and how to judge a call. */
public record Template(String id, String name, String description, String prompt, String firstMessage,
                       String language, String voiceId, String llm, List<DataField> dataCollection,
                       List<EvaluationCriterion> evaluationCriteria) {

    public Template {
        dataCollection = List.copyOf(dataCollection);
        evaluationCriteria = List.copyOf(evaluationCriteria);
    }
}
