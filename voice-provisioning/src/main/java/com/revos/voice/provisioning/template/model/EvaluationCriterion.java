package com.revos.voice.provisioning.template.model;

/** A goal the post-call analysis judges each conversation against (success, failure or unknown). */
public record EvaluationCriterion(String id, String name, String conversationGoalPrompt) {
}
