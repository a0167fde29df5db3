import { describe, expect, it } from 'vitest';
import { periodEnds, periodOf } from './api';

describe('the library period filter', () => {
  it('reads periods as the server does', () => {
    expect(periodEnds('2026')).toEqual({ from: 2026, to: 2026 });
    expect(periodEnds('2025-2027')).toEqual({ from: 2025, to: 2027 });
    expect(periodEnds('2025–2028')).toEqual({ from: 2025, to: 2028 });
    expect(periodEnds('2025-')).toEqual({ from: 2025, to: null });
    expect(periodEnds('-2027')).toEqual({ from: null, to: 2027 });
    for (const bad of ['', '-', '2027-2025', 'kevät', '26']) expect(periodEnds(bad)).toBeNull();
  });
  it('writes the ends of the year selects as one period', () => {
    expect(periodOf(null, null)).toBe('');
    expect(periodOf(2026, 2026)).toBe('2026');
    expect(periodOf(2025, 2027)).toBe('2025-2027');
    expect(periodOf(2027, 2025)).toBe('2025-2027');
    expect(periodOf(2025, null)).toBe('2025-');
    expect(periodOf(null, 2027)).toBe('-2027');
    for (const p of ['2026', '2025-2027', '2025-', '-2027']) {
      const e = periodEnds(p)!;
      expect(periodOf(e.from, e.to)).toBe(p);
    }
  });
});
