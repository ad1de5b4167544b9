/** The bounded memo behind versus's process-wide caches: same answers as the function, never more than its bound. */
import { describe, expect, it } from 'vitest';
import { Memo } from '../src/shared/memo.js';

describe('Memo', () => {
  it('makes each value once and gives it back after', () => {
    const memo = new Memo<string>(10);
    let made = 0;
    const make = (key: string) => () => `${key}!${++made}`;
    expect(memo.get('a', make('a'))).toBe('a!1');
    expect(memo.get('a', make('a'))).toBe('a!1');
    expect(memo.get('b', make('b'))).toBe('b!2');
    expect(made).toBe(2);
  });

  it('remembers a made undefined or zero as well', () => {
    const memo = new Memo<number | undefined>(10);
    let made = 0;
    const make = (value: number | undefined) => () => {
      made++;
      return value;
    };
    for (const value of [0, 0, undefined, undefined]) memo.get(String(value), make(value));
    expect(made).toBe(2);
  });

  it('never holds more than its bound, by count or by weight, over many distinct keys', () => {
    const counted = new Memo<number>(100);
    const weighed = new Memo<number>(1000, (key) => key.length);
    let heaviest = 0;
    for (let i = 0; i < 10_000; i++) {
      counted.get(`key ${i}`, () => i);
      weighed.get(`${'x'.repeat(i % 50)} ${i}`, () => i);
      heaviest = Math.max(heaviest, weighed.size);
      expect(counted.size).toBeLessThanOrEqual(100);
    }
    // Keys of 2 to 55 characters: far fewer than 1000 of them fit.
    expect(heaviest).toBeLessThan(500);
    expect(counted.get('key 9999', () => -1)).toBe(9999);
  });

  it('keeps nothing heavier than its bound alone, and still answers', () => {
    const memo = new Memo<number>(10, (key) => key.length);
    memo.get('short', () => 1);
    expect(memo.get('far too long a key', () => 2)).toBe(2);
    expect(memo.size).toBe(1);
    expect(memo.get('short', () => 3)).toBe(1);
  });
});
