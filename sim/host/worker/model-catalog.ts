import { z } from 'zod';
import type { ModelRegistry } from '../../model.js';
import { livePaths } from '../../scenario/live.js';
import type { Problem } from '../../scenario/problems.js';
import type { ModelCatalogApi, ModelInfo, OpenRequest } from './api.js';
import { checkRequest } from './check-request.js';

/** The registered models as a page sees them, and scenario validation without opening a run. */
export class ModelCatalog implements ModelCatalogApi {
  constructor(private readonly registry: ModelRegistry) {}

  models(): ModelInfo[] {
    return [...this.registry.values()].map((m) => {
      // A model whose params all have defaults lists its metrics; others list them once a run opens.
      const defaults = m.params.safeParse({});
      return {
        name: m.name,
        description: m.description,
        paramsSchema: z.toJSONSchema(m.params, { io: 'input', unrepresentable: 'any' }) as Record<
          string,
          unknown
        >,
        live: [...livePaths(m.params)],
        metrics: defaults.success ? [...m.metrics(defaults.data)] : [],
        extensions: [...(m.extensions ?? [])],
      };
    });
  }

  validate(request: OpenRequest): Problem[] {
    const checked = checkRequest(this.registry, request);
    return 'problems' in checked ? checked.problems : [];
  }
}
