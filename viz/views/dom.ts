/** A new element with an optional class. */
export function el(tag: string, className?: string): HTMLElement {
  const e = document.createElement(tag);
  if (className) e.className = className;
  return e;
}

/** A button with a click handler and an optional test id. */
export function button(label: string, onClick: () => void, testid?: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.textContent = label;
  b.onclick = onClick;
  if (testid) b.dataset.testid = testid;
  return b;
}

/**
 * A polite note at the top of a view saying what the address asked for that could not be shown, and what is
 * shown instead (e.g. `no view named "x" (views: …): showing the run view`).
 */
export function notice(text: string): HTMLElement {
  const p = el('p', 'notice');
  p.setAttribute('role', 'status');
  p.dataset.testid = 'notice';
  p.textContent = text;
  return p;
}

/** A control with its label. */
export function labelled(label: string, control: HTMLElement): HTMLElement {
  const l = document.createElement('label');
  l.className = 'inline';
  l.append(`${label} `, control);
  return l;
}
