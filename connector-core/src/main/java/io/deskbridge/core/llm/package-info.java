/**
 * LLM-written answers held to the approved knowledge (issue #15): the answer guardrails, checked in code and never
 * trusted to the model, and the quoting of customer text as data. A draft that breaks a rule is never sent; the
 * caller falls back to the extractive answer, a clarification or a handover and audits the {@link
 * io.deskbridge.core.llm.Violation.Rule#code() reason code}.
 */
package io.deskbridge.core.llm;
