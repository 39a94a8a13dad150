import { isCollection, isScalar, LineCounter, parseDocument, visit, type Node } from 'yaml';
import { LIMITS } from './limits.js';
import { InputError, type Problem } from './problems.js';
import { FORBIDDEN_KEYS } from './paths.js';

/** Tags of plain YAML and JSON data; any other (`!!js/function`, `!!binary`, `!custom`...) is refused. */
const PLAIN_TAGS = new Set(
  ['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`),
);

/**
 * Parses a scenario file's text (YAML, of which JSON is a subset) into plain data. Everything beyond plain data is
 * refused as bad input with its line: syntax errors, duplicate keys, tags, keys that are lists or mappings, keys
 * that reach into JavaScript objects (`__proto__`...), more aliases than `LIMITS.yamlAliases` (an alias bomb),
 * and text longer than `LIMITS.scenarioFileBytes`.
 */
export function parseScenarioText(text: string, source: string): unknown {
  return read(text, source, false);
}

/**
 * A value given on a command line (`--set params.path=value`), read as YAML under the same rules, except that text
 * which is not valid YAML is taken as it is, as a string.
 */
export function parseValueText(text: string, source: string): unknown {
  return read(text, source, true);
}

function read(text: string, source: string, literalOnSyntaxError: boolean): unknown {
  const fail = (path: string, message: string): never => {
    throw new InputError(source, [{ path, message }]);
  };
  // Characters never outnumber UTF-8 bytes: a cheap first check (the CLI checks the file's bytes before reading).
  if (text.length > LIMITS.scenarioFileBytes)
    fail('', `larger than ${LIMITS.scenarioFileBytes} bytes, the limit for a scenario file`);
  const lines = new LineCounter();
  let doc;
  try {
    doc = parseDocument(text, { lineCounter: lines, logLevel: 'silent', uniqueKeys: true });
  } catch (e) {
    if (e instanceof RangeError) fail('', 'nested too deeply to read');
    throw e;
  }
  const at = (offset: number | undefined): string => {
    if (offset === undefined) return '';
    const { line, col } = lines.linePos(offset);
    return `line ${line}, column ${col}`;
  };
  const error = doc.errors[0];
  if (error && literalOnSyntaxError) return text;
  if (error) {
    const message = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    fail(at(error.pos[0]), `not valid YAML or JSON: ${message}`);
  }
  const problems: Problem[] = [];
  const refuse = (node: Node | null | undefined, message: string) =>
    problems.push({ path: at(node?.range?.[0]), message });
  visit(doc, {
    Pair(_, pair) {
      const key = pair.key as Node | null;
      if (isCollection(key)) refuse(key, 'a key must be a plain name, not a list or mapping');
      else if (isScalar(key) && FORBIDDEN_KEYS.has(String(key.value)))
        refuse(key, `"${String(key.value)}" is not a field name`);
    },
    Node(_, node) {
      if (node.tag !== undefined && !PLAIN_TAGS.has(node.tag))
        refuse(
          node,
          `the tag ${node.tag.replace('tag:yaml.org,2002:', '!!')} is not plain YAML data (only plain YAML and JSON are read)`,
        );
    },
  });
  for (const w of doc.warnings)
    if (w.code !== 'TAG_RESOLVE_FAILED')
      problems.push({ path: at(w.pos[0]), message: w.message.split('\n')[0] });
  if (problems.length) throw new InputError(source, problems.slice(0, 20));
  try {
    return doc.toJS({ maxAliasCount: LIMITS.yamlAliases });
  } catch (e) {
    if (e instanceof ReferenceError && /alias/i.test(e.message))
      fail('', `too many aliases (*name) in one file (at most ${LIMITS.yamlAliases})`);
    if (e instanceof RangeError) fail('', 'nested too deeply to read');
    throw e;
  }
}
