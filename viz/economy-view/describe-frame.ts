import type { ViewFrame } from '../../sim/host/worker/api.js';
import { spoken, type TextAlternative } from '../charts/describe/text-alternative.js';

/** The colour scale the view shows: the quantity's name and the range its colours span. */
export interface ColourScale {
  readonly name: string;
  readonly lo: number;
  readonly hi: number;
}

/**
 * The live view in words: the tick, who is drawn and how they are placed, what the colours show and their range,
 * the hubs, and how many flows of each channel the tick drew; the description says how to follow a member.
 */
export function describeFrame(frame: ViewFrame, colour: ColourScale): TextAlternative {
  const n = frame.ids.length;
  const who =
    `${spoken(n)} of ${spoken(frame.population)} ` +
    (frame.layout.kind === 'ranked'
      ? `agents as bars ranked by ${labelOf(frame, frame.layout.by)}, richest on the left`
      : `members placed by group${frame.clusters?.names.length ? ` (${frame.clusters.names.join(', ')})` : ''}`) +
    (n < frame.population ? ', an evenly spread sample' : '');
  const q = frame.quantities.find((x) => x.name === colour.name);
  const colours = q
    ? ` Colour: ${q.label} from ${spoken(colour.lo)} to ${spoken(colour.hi)}${q.unit ? ` ${q.unit}` : ''}.`
    : '';
  const hubs = frame.hubs.length ? ` Hubs: ${frame.hubs.map((h) => h.label).join(', ')}.` : '';
  return {
    label: `The economy, live, at tick ${frame.tick}: ${who}.${colours}${hubs}${flowsInWords(frame)}`,
    description:
      'With the view focused, the arrow keys follow one member after another (Escape lets go); ' +
      'the story of the member followed is beside the view.',
  };
}

function labelOf(frame: ViewFrame, name: string): string {
  return frame.quantities.find((q) => q.name === name)?.label ?? name;
}

/** The tick's flows drawn, by channel (none: nothing said). */
function flowsInWords(frame: ViewFrame): string {
  const { count, channel, dropped } = frame.flows;
  if (count === 0) return '';
  const per = new Array<number>(frame.channels.length).fill(0);
  for (let i = 0; i < count; i++) per[channel[i]]++;
  const parts = frame.channels.flatMap((c, i) => (per[i] ? [`${spoken(per[i])} ${c.label}`] : []));
  const more = dropped ? ` (and ${spoken(dropped)} not drawn)` : '';
  return ` Arcs: ${spoken(count)} flows of tick ${frame.tick}${more}: ${parts.join(', ')}.`;
}
