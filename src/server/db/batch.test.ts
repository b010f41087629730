import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batcher } from './batch';

/** A runner that records its batches and answers each input by `answer`, failing a batch holding a bad input. */
function recording(answer: (n: number) => number, bad: (n: number) => boolean = () => false) {
  const batches: number[][] = [];
  const run = async (inputs: number[]) => {
    batches.push(inputs);
    await Promise.resolve();
    if (inputs.some(bad)) {
      throw Object.assign(new Error(`bad input in ${inputs.join(',')}`), { code: '23505' });
    }
    return inputs.map(answer);
  };
  return { batches, run };
}

describe('batcher', () => {
  it('sends the calls of one turn of the event loop together, each caller getting its own answer', async () => {
    const r = recording((n) => n * 10);
    const call = batcher(r.run);
    expect(await Promise.all([call(1), call(2), call(3)])).toEqual([10, 20, 30]);
    expect(r.batches).toEqual([[1, 2, 3]]);
    // The next turn makes a new batch.
    expect(await call(4)).toBe(40);
    expect(r.batches).toEqual([[1, 2, 3], [4]]);
  });

  it('keeps calls with the same key apart and holds at most `max` calls per batch', async () => {
    const r = recording((n) => n);
    const call = batcher(r.run, { key: (n) => String(n % 10), max: 2 });
    expect(await Promise.all([call(1), call(11), call(2), call(3), call(21)])).toEqual([1, 11, 2, 3, 21]);
    expect(r.batches).toEqual([[1, 2], [11, 3], [21]]);
  });

  it("runs a batch failed by one call's data again call by call, so only the bad call fails", async () => {
    const r = recording(
      (n) => n,
      (n) => n === 2,
    );
    const call = batcher(r.run);
    const settled = await Promise.allSettled([call(1), call(2), call(3)]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(r.batches).toEqual([[1, 2, 3], [1], [2], [3]]);
  });

  it('fails the whole batch at once on any other error (no retry storm while the database is down)', async () => {
    const batches: number[][] = [];
    const call = batcher(async (inputs: number[]) => {
      batches.push(inputs);
      await Promise.resolve();
      throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    });
    const settled = await Promise.allSettled([call(1), call(2), call(3)]);
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('holds a call back while a running batch has its key (two statements never lock one row)', async () => {
    const events: string[] = [];
    let release!: () => void;
    const first = new Promise<void>((r) => (release = r));
    const call = batcher(
      async (inputs: string[]) => {
        events.push(`start ${inputs.join(',')}`);
        if (inputs.includes('a1')) await first;
        events.push(`end ${inputs.join(',')}`);
        return inputs;
      },
      { key: (s) => s[0]! },
    );
    const a1 = call('a1');
    await new Promise((r) => setImmediate(r)); // the first batch is running
    const later = Promise.all([call('b1'), call('a2')]);
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    expect(events).toEqual(['start a1', 'start b1', 'end b1']);
    release();
    expect(await a1).toBe('a1');
    expect(await later).toEqual(['b1', 'a2']);
    expect(events).toEqual(['start a1', 'start b1', 'end b1', 'end a1', 'start a2', 'end a2']);
  });

  it('refuses an answer list of the wrong length (every caller gets an error, none a wrong answer)', async () => {
    const call = batcher(async (inputs: number[]) => inputs.slice(1));
    const settled = await Promise.allSettled([call(1), call(2)]);
    expect(settled.every((s) => s.status === 'rejected')).toBe(true);
  });

  it('answers every call as if it had run alone, whatever the keys, sizes and failures (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 40 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 10 }),
        async (inputs, max, keyMod) => {
          const bad = (n: number) => n % 7 === 3;
          const r = recording((n) => n * 2, bad);
          const call = batcher(r.run, { key: (n) => String(n % keyMod), max });
          const settled = await Promise.allSettled(inputs.map(call));
          settled.forEach((s, i) => {
            if (bad(inputs[i]!)) expect(s.status).toBe('rejected');
            else expect(s).toEqual({ status: 'fulfilled', value: inputs[i]! * 2 });
          });
          for (const batch of r.batches) {
            expect(batch.length).toBeLessThanOrEqual(max);
            expect(new Set(batch.map((n) => n % keyMod)).size).toBe(batch.length);
          }
        },
      ),
    );
  });
});
