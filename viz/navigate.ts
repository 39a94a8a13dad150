/** Whether going to `hash` from the page at `href` leaves the address as it is (no `hashchange` follows). */
export function isCurrentAddress(hash: string, href: string): boolean {
  return new URL(hash, href).hash === new URL(href).hash;
}

/**
 * Goes to the lab's address `hash` (`#/compare?…`), as a form's button does. Going to the address the page is at
 * already shows it afresh, where the browser would do nothing: `main.ts` hears the same `hashchange`, so the view
 * is disposed and opened again from its address (no history entry). A button that navigates is never silent.
 */
export function navigate(hash: string): void {
  if (!isCurrentAddress(hash, location.href)) {
    location.hash = hash;
    return;
  }
  const href = location.href;
  window.dispatchEvent(new HashChangeEvent('hashchange', { oldURL: href, newURL: href }));
}
