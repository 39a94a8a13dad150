import { z } from 'zod';
import type { ModelRegistry } from '../model.js';
import { scenarioFileSchema } from './schema.js';

/**
 * The JSON Schema of scenario files, generated from the same zod schemas that validate them: the top level,
 * and each model's params selected by the value of `model` (for editors' autocompletion).
 */
export function scenarioJsonSchema(registry: ModelRegistry): Record<string, unknown> {
  const top = z.toJSONSchema(scenarioFileSchema, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  const properties = { ...(top.properties as Record<string, unknown>) };
  properties.model = { ...(properties.model as object), enum: [...registry.keys()] };
  const allOf = [...registry.values()].map((model) => ({
    if: { properties: { model: { const: model.name } }, required: ['model'] },
    then: {
      properties: {
        params: {
          description: model.description,
          ...(z.toJSONSchema(model.params, { io: 'input', unrepresentable: 'any' }) as object),
        },
      },
    },
  }));
  delete (properties as Record<string, unknown>).$schema;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://mimo-lab.invalid/scenario.schema.json',
    title: 'MIMO Lab scenario',
    ...top,
    properties,
    allOf,
  };
}
