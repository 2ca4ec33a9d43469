import { describe, expect, it } from 'vitest';
import { formatMoney, moneyProblem, parseMoney } from '../../src-renderer/ui/money.ts';

describe('parseMoney: what the user types, in cents', () => {
  it.each([
    ['120', 12_000],
    ['120.5', 12_050],
    ['120.05', 12_005],
    ['$1,200.50', 120_050],
    ['1,200', 120_000],
    ['1,234,567.89', 123_456_789],
    ['  75 ', 7_500],
    ['.5', 50],
    ['0', 0],
  ])('in en-US, %s is %i cents', (typed, cents) => {
    expect(parseMoney(typed, 'en-US')).toEqual({ cents });
  });

  it.each([
    ['1.200,50', 120_050],
    ['120,5', 12_050],
    ['1.200', 120_000],
    ['12 000,00 €', 1_200_000],
    ['120.5', 12_050],
  ])('in de-DE (a decimal comma), %s is %i cents', (typed, cents) => {
    expect(parseMoney(typed, 'de-DE')).toEqual({ cents });
  });

  it('reads both separators by position, whatever the locale', () => {
    expect(parseMoney('1.200,50', 'en-US')).toEqual({ cents: 120_050 });
    expect(parseMoney('$1,200.50', 'de-DE')).toEqual({ cents: 120_050 });
  });

  it('is null for nothing typed', () => {
    expect(parseMoney('   ', 'en-US')).toEqual({ cents: null });
  });

  it.each(['abc', '12.345', '1,2.5', '1.2.3,4', '12..5', '1,20,0.00'])('refuses %s with what to type instead', (typed) => {
    expect(parseMoney(typed, 'en-US')).toEqual({ problem: moneyProblem });
  });

  it('says what an amount looks like', () => {
    expect(moneyProblem).toBe('Enter an amount like 120.00');
  });
});

describe('formatMoney', () => {
  it('writes cents in the currency of settings, as the locale writes money', () => {
    expect(formatMoney(120_050, 'USD')).toBe(new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD' }).format(1200.5));
    expect(formatMoney(120_050, 'EUR')).toBe(new Intl.NumberFormat(undefined, { style: 'currency', currency: 'EUR' }).format(1200.5));
  });

  it('writes a plain number until the currency is known', () => {
    expect(formatMoney(5, null)).toBe((0.05).toLocaleString(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
  });
});

describe('money in another currency, or with a minus sign', () => {
  it('refuses a euro or pound amount when the business is paid in dollars, and says what to do', () => {
    for (const typed of ['12,50 €', '€12.50', '£3', '12.50 EUR']) {
      const parsed = parseMoney(typed, 'en-US', 'USD');
      expect(parsed, typed).toHaveProperty('problem');
      expect((parsed as { problem: string }).problem).toMatch(/^Amounts are in USD: enter this one in USD, not “(€|£|EUR)”/);
    }
  });

  it('takes the settings’ own currency however it is written', () => {
    expect(parseMoney('$1,200.50', 'en-US', 'USD')).toEqual({ cents: 120_050 });
    expect(parseMoney('12,50 €', 'de-DE', 'EUR')).toEqual({ cents: 1_250 });
    expect(parseMoney('EUR 12.50', 'en-US', 'EUR')).toEqual({ cents: 1_250 });
    expect(parseMoney('CA$5', 'en-US', 'CAD')).toEqual({ cents: 500 });
    expect(parseMoney('$5', 'en-US', 'CAD')).toEqual({ cents: 500 });
  });

  it('refuses a minus sign or brackets, pointing to Refund', () => {
    for (const typed of ['-50', '(50.00)', '$-50', '−50']) {
      expect(parseMoney(typed, 'en-US', 'USD')).toEqual({ problem: 'Enter the amount without a minus sign: for money given back, choose Refund as the kind.' });
    }
  });
});
