import { afterEach, describe, expect, it, vi } from 'vitest';
import { isCurrentAddress, navigate } from '../../viz/navigate.js';

const page = 'http://127.0.0.1:4173/';

describe('isCurrentAddress', () => {
  it('is the address the page is at, written as the browser writes it', () => {
    const at = `${page}#/compare?scenarios=a,b&seeds=2`;
    expect(isCurrentAddress('#/compare?scenarios=a,b&seeds=2', at)).toBe(true);
    expect(isCurrentAddress('#/compare?scenarios=a,b&seeds=3', at)).toBe(false);
    // The browser keeps %2C as it is: a hash with it is another address, and a change it reports.
    expect(isCurrentAddress('#/compare?scenarios=a%2Cb&seeds=2', at)).toBe(false);
    // A space is written %20 in the address: the same address.
    expect(isCurrentAddress('#/run?scenario=a b', `${page}#/run?scenario=a%20b`)).toBe(true);
    expect(isCurrentAddress('#/compare', page)).toBe(false);
  });
});

describe('navigate', () => {
  /** A page at `href` whose address changes only when its hash is set, and the hashchange events sent. */
  function pageAt(href: string) {
    const address = { href, sets: [] as string[] };
    vi.stubGlobal('location', {
      get href() {
        return address.href;
      },
      get hash() {
        return new URL(address.href).hash;
      },
      set hash(value: string) {
        address.sets.push(value);
        address.href = new URL(value, address.href).href;
      },
    });
    const events: HashChangeEvent[] = [];
    const target = new EventTarget();
    target.addEventListener('hashchange', (e) => events.push(e as HashChangeEvent));
    vi.stubGlobal('window', target);
    vi.stubGlobal(
      'HashChangeEvent',
      class extends Event {
        readonly oldURL: string;
        readonly newURL: string;
        constructor(type: string, init: HashChangeEventInit) {
          super(type);
          this.oldURL = init.oldURL ?? '';
          this.newURL = init.newURL ?? '';
        }
      },
    );
    return { address, events };
  }

  afterEach(() => vi.unstubAllGlobals());

  it('sets another address, and leaves its hashchange to the browser', () => {
    const { address, events } = pageAt(`${page}#/compare?scenarios=a,b&seeds=2`);
    navigate('#/compare?scenarios=a,b&seeds=3');
    expect(address.sets).toEqual(['#/compare?scenarios=a,b&seeds=3']);
    expect(address.href).toBe(`${page}#/compare?scenarios=a,b&seeds=3`);
    expect(events).toEqual([]);
  });

  it('shows the address the page is at afresh: a hashchange from it to itself, the address untouched', () => {
    const here = `${page}#/compare?scenarios=a,b&seeds=2`;
    const { address, events } = pageAt(here);
    navigate('#/compare?scenarios=a,b&seeds=2');
    expect(address.sets).toEqual([]);
    expect(address.href).toBe(here);
    expect(events.map((e) => [e.type, e.oldURL, e.newURL])).toEqual([['hashchange', here, here]]);
  });
});
