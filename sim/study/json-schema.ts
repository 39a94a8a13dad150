import { z } from 'zod';
import { studyFileSchema } from './study-file.js';

/** The JSON Schema of study files, generated from the zod schema that validates them (for editors). */
export function studyJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(studyFileSchema, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  delete schema.$schema;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://mimo-lab.invalid/study.schema.json',
    title: 'MIMO Lab study',
    ...schema,
  };
}
