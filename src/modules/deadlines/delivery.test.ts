import { describe, expect, it } from 'vitest';
import { appealDue, electronicDeliveryFiction, postalDeliveryFiction } from './delivery.ts';

describe('delivery fictions and the appeal term that runs from them', () => {
  it('u.d.e. art. 42 ust. 2: "w dniu następującym po upływie 14 dni od wskazanego w dowodzie otrzymania dnia wpłynięcia" — arrival 2026-03-01 → 2026-03-16', () => {
    expect(electronicDeliveryFiction('2026-03-01')).toBe('2026-03-16');
  });

  it('u.d.e. art. 42 ust. 2: arrival Mon 2026-03-02 → delivered 2026-03-17, appeal (art. 129 § 2 KPA, 14 days) due 2026-03-31', () => {
    const deliveredOn = electronicDeliveryFiction('2026-03-02');
    expect(deliveredOn).toBe('2026-03-17');
    expect(appealDue(deliveredOn, 'decision')).toEqual({ term: '14d', due: '2026-03-31' });
  });

  it('KPA art. 44 § 4: delivered "z upływem ostatniego dnia" of the 14-day storage — first notice 2026-03-02 → 2026-03-16, appeal due 2026-03-30', () => {
    const deliveredOn = postalDeliveryFiction('2026-03-02');
    expect(deliveredOn).toBe('2026-03-16');
    expect(appealDue(deliveredOn, 'decision').due).toBe('2026-03-30');
  });

  it('art. 141 § 2 KPA: zażalenie against an order, 7 days', () => {
    expect(appealDue('2026-05-28', 'order')).toEqual({ term: '7d', due: '2026-06-05' });
  });
});
