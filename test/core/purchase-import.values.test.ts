import { describe, expect, it } from 'vitest';
import { detectDateOrder, parseAmount, parseDate } from '../../src-main/core/commerce/purchase-values.ts';

describe('amounts as exports write them', () => {
  it.each([
    ['$1,234.56', 123_456, false],
    ['1.234,56', 123_456, false],
    ['€ 1.234,56', 123_456, false],
    ['12,50 €', 1_250, false],
    ['1 234,56', 123_456, false],
    ['(12.00)', 1_200, true],
    ['-12', 1_200, true],
    ['12-', 1_200, true],
    ['12', 1_200, false],
    ['0.5', 50, false],
    ['1.005', 101, false],
    ['2.994', 299, false],
    ['1,234', 123_400, false],
    ['USD 99.99', 9_999, false],
    ['1,234,567.8', 123_456_780, false],
  ])('%s is %i cents (negative: %s)', (text, cents, negative) => {
    expect(parseAmount(text)).toEqual({ cents, negative });
  });

  it.each(['', 'abc', '12.3.4,5,6', '1..2', '$', '12 apples'])('“%s” is not an amount', (text) => {
    expect(parseAmount(text)).toBeNull();
  });
});

describe('dates as exports write them', () => {
  it('reads year-first and compact dates in any order, slashed ones by the order', () => {
    expect(parseDate('2026-01-31', 'dmy')).toBe('2026-01-31');
    expect(parseDate('19970101', 'mdy')).toBe('1997-01-01');
    expect(parseDate('2026-02-30', 'ymd')).toBeNull();
    expect(parseDate('3/4/2026', 'mdy')).toBe('2026-03-04');
    expect(parseDate('3/4/2026', 'dmy')).toBe('2026-04-03');
    expect(parseDate('31.12.2026', 'dmy')).toBe('2026-12-31');
    expect(parseDate('31-12-26', 'dmy')).toBe('2026-12-31');
    expect(parseDate('31/12/2026', 'mdy')).toBeNull();
    expect(parseDate('31/31/2026', 'dmy')).toBeNull();
    expect(parseDate('yesterday', 'mdy')).toBeNull();
  });

  it('decides the order from the file: day first once a first part is over 12, else month first; year first when none is slashed', () => {
    expect(detectDateOrder(['01/02/2026', '13/02/2026'])).toBe('dmy');
    expect(detectDateOrder(['01/02/2026', '02/13/2026'])).toBe('mdy');
    expect(detectDateOrder(['2026-01-02', '19970101'])).toBe('ymd');
  });

  it('dotted dates are day first (German, Polish, Scandinavian exports) unless a second part over 12 proves month first', () => {
    expect(detectDateOrder(['03.11.2026', '04.11.2026'])).toBe('dmy');
    expect(detectDateOrder(['03.11.2026', '13.11.2026'])).toBe('dmy');
    expect(detectDateOrder(['03.11.2026', '03.13.2026'])).toBe('mdy');
    expect(detectDateOrder(['03/11/2026', '04/11/2026'])).toBe('mdy');
    expect(detectDateOrder(['03-11-2026'])).toBe('mdy');
  });
});
