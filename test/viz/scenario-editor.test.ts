import { describe, expect, it } from 'vitest';
import { lineOfPath, setParamInText } from '../../viz/controls/scenario-editor.js';

const text = `# a comment
name: demo
model: kinetic-exchange
params:
  agents: 100
  rule: unit
timeline:
  - at: 5
    set:
      debtLimit: 3
`;

describe('scenario editor helpers', () => {
  it('finds the line of a problem path, or of its closest parent', () => {
    expect(lineOfPath(text, 'params.agents')).toBe(5);
    expect(lineOfPath(text, 'params.rule')).toBe(6);
    expect(lineOfPath(text, 'params.nosuch')).toBe(4);
    expect(lineOfPath(text, 'timeline.0.set.debtLimit')).toBe(10);
    expect(lineOfPath(text, 'line 7, column 3')).toBe(7);
    expect(lineOfPath(text, '')).toBeNull();
  });

  it('sets a param and keeps the comments and the rest of the file', () => {
    const next = setParamInText(text, 'agents', 250);
    expect(next).toContain('# a comment');
    expect(next).toContain('agents: 250');
    expect(next).toContain('debtLimit: 3');
    expect(setParamInText(text, 'saving', 0.2)).toContain('saving: 0.2');
    expect(setParamInText(text, 'rule', undefined)).not.toContain('rule:');
  });
});

describe('nested params', () => {
  it('sets a dotted path inside params', () => {
    const next = setParamInText(text, 'negotiation.protocol', 'nash');
    expect(next).toMatch(/negotiation:\n\s+protocol: nash/);
  });
});

describe('a live change written into the scenario', () => {
  it('adds a timeline event, creating the timeline if needed', async () => {
    const { parse } = await import('yaml');
    const { addTimelineEventInText } = await import('../../viz/controls/scenario-editor.js');
    const added = parse(addTimelineEventInText(text, 9, 'debtLimit', 4));
    expect(added.timeline).toEqual([
      { at: 5, set: { debtLimit: 3 } },
      { at: 9, set: { debtLimit: 4 } },
    ]);
    const fresh = parse(addTimelineEventInText('name: x\nmodel: kinetic-exchange\n', 2, 'debtLimit', 1));
    expect(fresh.timeline).toEqual([{ at: 2, set: { debtLimit: 1 } }]);
  });
});
