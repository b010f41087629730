import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { uuidv7 } from './ids';

describe('uuidv7', () => {
  it('is a valid UUID whose text order is creation order, also within one millisecond', () => {
    const ids = Array.from({ length: 5000 }, () => uuidv7(1_790_000_000_000));
    ids.push(uuidv7(1_790_000_000_001), uuidv7(1_790_000_000_000));
    expect(ids.every((id) => z.uuid().safeParse(id).success)).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
