/** What the shared S3 behaviours are given, and `behaviour()`, their `it` that knows about deviations. */
import { AssertionError } from "chai";
import type { AwsCredentialIdentity } from "@smithy/types";
import type { S3ServiceClient } from "../../../lib/client/ClientFactory.js";
import type { Session, SessionOptions } from "../../../lib/Session.js";
import type { S3ServiceResource } from "../../../resources/s3/index.js";

/** Where a target server is: session options with static credentials, and how to stop it. */
export interface SharedS3Target extends Omit<
  SessionOptions,
  "endpoint" | "region" | "credentials" | "plugins"
> {
  readonly endpoint: string;
  readonly region: string;
  readonly credentials: AwsCredentialIdentity;
  /** Called once after the suite, for a server the target started. */
  readonly stop?: () => Promise<void>;
}

/** Options of `defineSharedS3Suite`. */
export interface SharedS3Options {
  /**
   * Tests (by title) in which the target is known to differ from S3, each with what it does
   * instead. Those tests still run and must fail; one that passes fails with "no longer seen".
   */
  readonly knownDeviations?: Readonly<Record<string, string>>;
}

/** What each behaviour group gets; valid from the suite's `before` hook on. */
export interface SharedS3Fixture {
  /** The target's known deviations from S3, by test title. */
  readonly knownDeviations: Readonly<Record<string, string>>;
  /** The target's session options (checksums `WHEN_REQUIRED` unless the target said otherwise). */
  readonly options: SessionOptions;
  readonly session: Session;
  readonly s3: S3ServiceClient;
  readonly resource: S3ServiceResource;
  /** A session with other options over the target's (a wrong secret, say). */
  sessionWith(overrides: Partial<SessionOptions>): Session;
  /** Creates a bucket with a fresh name, deleted (with everything in it) after the suite. */
  newBucket(prefix: string, input?: { ObjectLockEnabledForBucket?: boolean }): Promise<string>;
}

const claimed = new WeakMap<SharedS3Fixture, Set<string>>();

/** The known deviations no `behaviour()` of `fx` claimed (a renamed test, a typo). */
export function unclaimedDeviations(fx: SharedS3Fixture): string[] {
  const used = claimed.get(fx) ?? new Set();
  return Object.keys(fx.knownDeviations).filter((title) => !used.has(title));
}

/**
 * `it(title, test)`, unless the target lists `title` in its known deviations: then the title says
 * so, and the test passes only if its assertions fail (any other error still fails it), so that a
 * target that stops deviating is noticed.
 */
export function behaviour(
  fx: SharedS3Fixture,
  title: string,
  test: (this: Mocha.Context) => Promise<void>,
): void {
  const deviation = fx.knownDeviations[title];
  if (!claimed.has(fx)) claimed.set(fx, new Set());
  claimed.get(fx)!.add(title);
  if (deviation === undefined) {
    it(title, test);
    return;
  }
  it(`${title} [known deviation: ${deviation}]`, async function () {
    try {
      await test.call(this);
    } catch (error) {
      if (error instanceof AssertionError) return;
      throw error;
    }
    throw new Error(`"${title}" passes now: remove it from the target's knownDeviations`);
  });
}
