/** How many scenarios a comparison takes: one is no comparison, more than four no readable chart. */
export const MIN_POLICIES = 2;
export const MAX_POLICIES = 4;

/** Why these scenarios cannot be compared (what is allowed), or null when their number is within the limits. */
export function policyCountProblem(names: readonly string[]): string | null {
  if (names.length >= MIN_POLICIES && names.length <= MAX_POLICIES) return null;
  const picked = names.length ? `: ${names.length} picked (${names.join(', ')})` : '';
  return `Pick ${MIN_POLICIES} to ${MAX_POLICIES} scenarios to compare${picked}.`;
}

/**
 * The compare view's query after its form is sent: the scenarios picked, seeds and ticks, keeping the overrides
 * of the query it was opened with (`set.<path>` for every policy; `p<i>.set.<path>` while the i-th scenario is
 * still the same one). Picking the same scenarios keeps the query's list as it was, so a scenario compared with
 * itself under other overrides (`scenarios=a,a&p2.set.x=1`, which a multiple select cannot show) stays so.
 */
export function compareQuery(
  opened: URLSearchParams,
  picked: readonly string[],
  seeds: string,
  ticks: string,
): URLSearchParams {
  const before = (opened.get('scenarios') ?? '').split(',').filter(Boolean);
  const same = new Set(before).size === new Set(picked).size && picked.every((n) => before.includes(n));
  const names = same ? before : picked;
  const q = new URLSearchParams({ scenarios: names.join(',') });
  q.set('seeds', seeds);
  if (ticks) q.set('ticks', ticks);
  for (const [key, value] of opened) {
    const own = /^p(\d+)\.set\./.exec(key);
    if (key.startsWith('set.') || (own && before[Number(own[1]) - 1] === names[Number(own[1]) - 1]))
      q.append(key, value);
  }
  return q;
}
