import { setTimeout as sleep } from "node:timers/promises";
import { WaiterFailedError, WaiterTimeoutError } from "../../errors.js";
import type { CallOptions, S3ClientInput, S3OperationName, S3Output } from "./types.js";

type Outcome = "success" | "retry";

/**
 * The S3 waiters, as in the service's waiter model: which operation is polled and what each
 * answer means. A 404 surfaces as `NotFound` from HEAD requests (they have no body to carry a
 * code), and as `NoSuchBucket` / `NoSuchKey` from some servers.
 */
const waiters = {
  BucketExists: { operation: "HeadBucket", onSuccess: "success", onNotFound: "retry" },
  BucketNotExists: { operation: "HeadBucket", onSuccess: "retry", onNotFound: "success" },
  ObjectExists: { operation: "HeadObject", onSuccess: "success", onNotFound: "retry" },
  ObjectNotExists: { operation: "HeadObject", onSuccess: "retry", onNotFound: "success" },
} as const satisfies Record<string, { operation: S3OperationName; onSuccess: Outcome; onNotFound: Outcome }>;

/** The waiters of the S3 client. */
export type WaiterName = keyof typeof waiters;

type WaiterOperation<W extends WaiterName> = (typeof waiters)[W]["operation"];

/** The input of waiter `W`: the input of the operation it polls. */
export type WaiterInput<W extends WaiterName> = S3ClientInput<WaiterOperation<W>>;

/** What a waiter returns once the state is reached. */
export interface WaiterResult<W extends WaiterName> {
  /** Requests made. */
  readonly attempts: number;
  /** Time spent, in milliseconds. */
  readonly waitedMs: number;
  /** The last successful output, when the success state is an answer (the `*Exists` waiters). */
  readonly output: S3Output<WaiterOperation<W>> | undefined;
}

/** Options of `client.waitFor()`. */
export interface WaitOptions extends CallOptions {
  /**
   * Give up after this long.
   * @default 100_000 (the SDK's and boto3's 20 attempts 5 s apart)
   */
  maxWaitMs?: number;
  /**
   * Delay between attempts.
   * @default 5_000
   */
  delayMs?: number;
}

interface Caller {
  call<Op extends S3OperationName>(
    op: Op,
    input?: S3ClientInput<Op>,
    options?: CallOptions,
  ): Promise<S3Output<Op>>;
}

/** @internal */
export async function waitFor<W extends WaiterName>(
  client: Caller,
  waiter: W,
  input: WaiterInput<W>,
  options: WaitOptions = {},
): Promise<WaiterResult<W>> {
  const spec = waiters[waiter];
  const { maxWaitMs = 100_000, delayMs = 5_000, ...callOptions } = options;
  const started = Date.now();
  for (let attempts = 1; ; attempts++) {
    let outcome: Outcome;
    let output: S3Output<WaiterOperation<W>> | undefined;
    try {
      output = (await client.call(spec.operation, input as never, callOptions));
      outcome = spec.onSuccess;
    } catch (error) {
      if (!isNotFound(error)) {
        if (callOptions.abortSignal?.aborted) throw error;
        throw new WaiterFailedError(waiter, `${spec.operation} failed: ${(error as Error).message}`, {
          cause: error,
        });
      }
      outcome = spec.onNotFound;
    }
    const waitedMs = Date.now() - started;
    if (outcome === "success")
      return { attempts, waitedMs, output: spec.onSuccess === "success" ? output : undefined };
    const remaining = maxWaitMs - waitedMs;
    if (remaining <= 0) throw new WaiterTimeoutError(waiter, waitedMs, attempts);
    await sleep(Math.min(delayMs, remaining), undefined, { signal: callOptions.abortSignal });
  }
}

function isNotFound(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return (
    e?.$metadata?.httpStatusCode === 404 ||
    e?.name === "NotFound" ||
    e?.name === "NoSuchBucket" ||
    e?.name === "NoSuchKey"
  );
}
