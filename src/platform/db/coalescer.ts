/**
 * Group commit at the level of a use case. Calls with the same key run together: the first one
 * starts a batch at once; calls that arrive while that batch runs wait and go together as the
 * next batch (up to `maxBatch`). At low load nothing waits; under load one transaction — one
 * commit, one hold of a gapless counter's row lock through its fsync — serves many callers.
 *
 * When a batch fails, each of its calls runs again alone, so every caller gets its own result or
 * its own error and one bad call never fails the others. `run` must therefore be all-or-nothing
 * (one transaction) and return one output per input, in order.
 */
export class Coalescer<I, O> {
  private readonly lanes = new Map<string, Array<Waiting<I, O>>>();

  constructor(
    private readonly run: (inputs: I[]) => Promise<O[]>,
    private readonly maxBatch = 100,
  ) {}

  submit(key: string, input: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      const waiting = { input, resolve, reject };
      const lane = this.lanes.get(key);
      if (lane) {
        lane.push(waiting);
        return;
      }
      this.lanes.set(key, [waiting]);
      void this.drain(key);
    });
  }

  private async drain(key: string): Promise<void> {
    const lane = this.lanes.get(key)!;
    while (lane.length > 0) {
      const batch = lane.splice(0, this.maxBatch);
      try {
        const outputs = await this.run(batch.map((waiting) => waiting.input));
        batch.forEach((waiting, i) => waiting.resolve(outputs[i]!));
      } catch (error) {
        if (batch.length === 1) batch[0]!.reject(error);
        else await Promise.all(batch.map((waiting) => this.runAlone(waiting)));
      }
    }
    this.lanes.delete(key);
  }

  private async runAlone(waiting: Waiting<I, O>): Promise<void> {
    try {
      const [output] = await this.run([waiting.input]);
      waiting.resolve(output!);
    } catch (error) {
      waiting.reject(error);
    }
  }
}

interface Waiting<I, O> {
  input: I;
  resolve(output: O): void;
  reject(error: unknown): void;
}

const identities = new WeakMap<object, number>();
let nextIdentity = 1;

/** A number standing for an object's identity, to build coalescing keys from handles. */
export function identityOf(object: object): number {
  let identity = identities.get(object);
  if (identity === undefined) {
    identity = nextIdentity++;
    identities.set(object, identity);
  }
  return identity;
}
