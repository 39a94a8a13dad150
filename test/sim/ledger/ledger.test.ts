import { describe, expect, it } from 'vitest';
import { Book } from '../../../sim/ledger/book.js';
import { Ledger, LedgerError } from '../../../sim/ledger/ledger.js';
import { stream } from '../../../sim/random/streams.js';

describe('Book', () => {
  it('refuses an overdraft and moves nothing', () => {
    const fiat = new Book('fiat', 'backed', 2);
    fiat.open(0, 100);
    expect(fiat.transfer(0, 1, 101)).toBe(false);
    expect([...fiat.balances]).toEqual([100, 0]);
    expect(fiat.transfer(0, 1, 100)).toBe(true);
    expect([...fiat.balances]).toEqual([0, 100]);
  });

  it('lets a balance go down to -creditLimit and no further, per account too', () => {
    const hours = new Book('hours', 'mutual-credit', 3, 10);
    expect(hours.transfer(0, 1, 10)).toBe(true);
    expect(hours.transfer(0, 1, 1)).toBe(false);
    hours.setLimit(2, 0);
    expect(hours.transfer(2, 0, 1)).toBe(false);
    expect(hours.canPay(1, 20)).toBe(true);
    expect(hours.canPay(1, 21)).toBe(false);
    expect(hours.available(0)).toBe(0);
  });

  it('rejects fractional, negative and unsafe amounts as bugs', () => {
    const b = new Book('fiat', 'backed', 2);
    b.open(0, 10);
    expect(() => b.transfer(0, 1, 0.5)).toThrow(LedgerError);
    expect(() => b.transfer(0, 1, -1)).toThrow(LedgerError);
    expect(() => b.transfer(0, 1, 2 ** 60)).toThrow(LedgerError);
    expect(() => b.open(1, 1.5)).toThrow(LedgerError);
  });

  it('keeps a mutual-credit currency summing to exactly zero through random trade', () => {
    const hours = new Book('hours', 'mutual-credit', 50, 20);
    const rng = stream(1, 0, 'test');
    for (let i = 0; i < 20_000; i++) {
      hours.transfer(rng.int(50), rng.int(50), rng.int(8));
      expect(hours.total()).toBe(0);
    }
    expect(hours.conservationError()).toBe(0);
    expect(Math.min(...hours.balances)).toBeGreaterThanOrEqual(-20);
  });

  it('forbids external flows in mutual credit', () => {
    const ledger = new Ledger(2, [{ name: 'hours', kind: 'mutual-credit' }]);
    const flow = ledger.flow('income');
    expect(() => ledger.book('hours').inflow(0, 5, flow)).toThrow(/mutual credit/);
    expect(() => ledger.book('hours').open(0, 5)).toThrow(/mutual credit/);
  });
});

describe('Book per-account limits', () => {
  it('are stored as int32: a limit beyond 2^31 − 1 minor units is refused, not wrapped', () => {
    const book = new Book('hours', 'mutual-credit', 2);
    book.setLimit(0, 2147483647);
    expect(book.floor(0)).toBe(-2147483647);
    expect(Object.is(book.floor(1), 0)).toBe(true); // +0, not −0
    expect(() => book.setLimit(1, 2147483648)).toThrow(LedgerError);
    expect(book.transfer(0, 1, 2147483647)).toBe(true);
    expect(book.transfer(0, 1, 1)).toBe(false);
  });
});

describe('Book bulk flows', () => {
  it('inflowEach equals one inflow per account, and logs the sum once', () => {
    const ledger = new Ledger(4, [{ name: 'fiat', kind: 'backed' }]);
    const income = ledger.flow('income');
    const fiat = ledger.books[0];
    fiat.open(0, 10);
    fiat.inflowEach(Float64Array.from([5, 0, 7]), income);
    expect([...fiat.balances]).toEqual([15, 0, 7, 0]);
    expect(ledger.flows('fiat').income).toBe(12);
    expect(fiat.conservationError()).toBe(0);
  });

  it('inflowEach refuses a bad amount or an overflow and leaves every balance as it was', () => {
    const book = new Book('fiat', 'backed', 3, 0, 'int32');
    book.flowTotals.push(0); // flow 0, as a Ledger would register it
    const flow = 0;
    book.open(2, 2147483000);
    expect(() => book.inflowEach(Int32Array.from([1, 2, 1000]), flow)).toThrow(LedgerError);
    expect(() => book.inflowEach(Float64Array.from([1, 0.5, 0]), flow)).toThrow(LedgerError);
    expect(() => book.inflowEach(Float64Array.from([1, -2, 0]), flow)).toThrow(LedgerError);
    expect([...book.balances]).toEqual([0, 0, 2147483000]);
    expect(book.conservationError()).toBe(0);
  });

  it('levy takes ⌊balance × rate⌋ from positive balances only, logged, conserving', () => {
    const ledger = new Ledger(4, [{ name: 'fiat', kind: 'backed' }]);
    const spending = ledger.flow('spending');
    const fiat = ledger.books[0];
    fiat.creditLimit = 100;
    [1000, 99, -50, 7].forEach((amount, i) =>
      amount >= 0 ? fiat.open(i, amount) : fiat.transfer(i, 3, -amount),
    );
    const paid = fiat.levy(0.1, 3, spending); // the last account is not in the levy's range
    expect([...fiat.balances]).toEqual([900, 90, -50, 7]); // account 3 reopened at 7 after taking the 50
    expect(paid).toBe(109);
    expect(ledger.flows('fiat').spending).toBe(-109);
    expect(fiat.conservationError()).toBe(0);
    expect(() => fiat.levy(1.5, 3, spending)).toThrow(LedgerError);
  });
});

describe('Ledger', () => {
  it('explains every change of a backed supply by logged flows: conservation holds, and breaks if bypassed', () => {
    const ledger = new Ledger(3, [{ name: 'fiat', kind: 'backed' }]);
    const fiat = ledger.book('fiat');
    const income = ledger.flow('income');
    const fees = ledger.flow('card_fee');
    fiat.open(0, 1000);
    fiat.inflow(1, 250, income);
    expect(fiat.outflow(0, 30, fees)).toBe(true);
    expect(fiat.outflow(2, 1, fees)).toBe(false);
    fiat.transfer(0, 2, 400);
    expect(fiat.total()).toBe(1220);
    expect(fiat.conservationError()).toBe(0);
    expect(ledger.flows('fiat')).toEqual({ income: 250, card_fee: -30 });
    expect(ledger.imbalance()).toBeNull();
    fiat.balances[1] += 1; // money from nowhere
    expect(fiat.conservationError()).toBe(1);
    expect(ledger.imbalance()).toEqual({ currency: 'fiat', error: 1 });
  });

  it('names currencies uniquely and finds flows by name', () => {
    expect(
      () =>
        new Ledger(1, [
          { name: 'a', kind: 'backed' },
          { name: 'a', kind: 'backed' },
        ]),
    ).toThrow(/twice/);
    const ledger = new Ledger(1, [{ name: 'a', kind: 'backed' }]);
    expect(ledger.flow('x')).toBe(ledger.flow('x'));
    expect(() => ledger.book('b')).toThrow(/no currency/);
  });
});

describe('Book storage', () => {
  it('int32 storage behaves like float64 and refuses to overflow', () => {
    const a = new Book('a', 'backed', 2, 0, 'int32');
    a.open(0, 2 ** 31 - 1);
    a.open(1, 100);
    expect(a.transfer(0, 1, 5)).toBe(true);
    expect(a.conservationError()).toBe(0);
    expect(a.transfer(1, 0, 5)).toBe(true);
    expect(() => a.transfer(1, 0, 1)).toThrow(/int32 storage limit/);
    expect(() => a.open(1, 2 ** 31)).toThrow(LedgerError);
    expect(a.balances).toBeInstanceOf(Int32Array);
  });
});
