package com.revos.voice.provisioning.provider.application;

import com.revos.voice.provisioning.template.model.DataField;
import com.revos.voice.provisioning.template.model.EvaluationCriterion;
import java.util.List;

/**
 * A voice agent as we want it on the platform.
 *
 * @param reference our unique reference for this agent (set as a tag): how a retried create finds an agent that a
 *        timed-out attempt may already have created
 */
public record AgentSpec(String name, String reference, String prompt, String firstMessage, String language,
                        String voiceId, String llm, List<DataField> dataCollection,
                        List<EvaluationCriterion> evaluationCriteria) {

    public AgentSpec {
        dataCollection = List.copyOf(dataCollection);
        evaluationCriteria = List.copyOf(evaluationCriteria);
    }
}
