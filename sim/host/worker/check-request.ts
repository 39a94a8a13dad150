import type { ModelRegistry } from '../../model.js';
import { InputError, type Problem } from '../../scenario/problems.js';
import type { Scenario } from '../../scenario/scenario.js';
import { parseScenarioText, validateScenario } from '../../scenario/validate.js';
import type { OpenRequest } from './api.js';

/** The scenario a request asks for, validated against the registry, or the problems that refuse it. */
export function checkRequest(
  registry: ModelRegistry,
  request: OpenRequest,
): { scenario: Scenario } | { problems: Problem[] } {
  const source = request.source ?? '';
  try {
    const raw =
      request.scenario !== undefined ? request.scenario : parseScenarioText(request.text ?? '', source);
    return { scenario: validateScenario(raw, registry, source, request.overrides ?? []) };
  } catch (e) {
    if (e instanceof InputError) return { problems: [...e.problems] };
    throw e;
  }
}
