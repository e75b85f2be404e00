import { describe, expect, it } from 'vitest';
import { Coalescer } from './coalescer.ts';

describe('Coalescer', () => {
  it('runs the first call at once and the calls that arrive meanwhile as one next batch', async () => {
    const batches: number[][] = [];
    const coalescer = new Coalescer<number, number>(async (inputs) => {
      batches.push(inputs);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return inputs.map((n) => n * 10);
    });
    const results = await Promise.all([1, 2, 3, 4].map((n) => coalescer.submit('a', n)));
    expect(results).toEqual([10, 20, 30, 40]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('keeps keys apart and caps a batch at maxBatch', async () => {
    const batches: string[][] = [];
    const coalescer = new Coalescer<string, string>(async (inputs) => {
      batches.push(inputs);
      await new Promise((resolve) => setTimeout(resolve, 1));
      return inputs;
    }, 2);
    await Promise.all([
      ...['a1', 'a2', 'a3', 'a4'].map((s) => coalescer.submit('a', s)),
      coalescer.submit('b', 'b1'),
    ]);
    expect(batches).toEqual([['a1'], ['b1'], ['a2', 'a3'], ['a4']]);
  });

  it('runs each call of a failed batch alone, so only the bad one fails', async () => {
    const batches: number[][] = [];
    const coalescer = new Coalescer<number, number>(async (inputs) => {
      batches.push(inputs);
      await new Promise((resolve) => setTimeout(resolve, 1));
      if (inputs.includes(3)) throw new Error(`bad ${inputs.join(',')}`);
      return inputs;
    });
    const results = await Promise.allSettled([1, 2, 3, 4].map((n) => coalescer.submit('a', n)));
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    expect((results[2] as PromiseRejectedResult).reason).toEqual(new Error('bad 3'));
    expect(batches).toEqual([[1], [2, 3, 4], [2], [3], [4]]);
  });
});
