/**
 * The S3 behaviours every server the project tests against must show, written once and run
 * against each target: the in-process ObjectScale emulator and Ceph RGW.
 *
 * ```ts
 * defineSharedS3Suite("Ceph RGW", async () => {
 *   const env = await useS3Server();
 *   return { endpoint: env.endpoint, region: env.region, credentials: { ...env.credentials }, forcePathStyle: true };
 * });
 * ```
 *
 * Where the targets differ in a way S3 itself allows, the assertion accepts both and says why.
 * Where a target is known to deviate from S3, it lists the test in `knownDeviations`: the test
 * still runs and must still fail there (see {@link behaviour}).
 */
import { S3Client } from "@aws-sdk/client-s3";
import { Session, type SessionOptions } from "../../../lib/Session.js";
import { emptyAndDeleteBucket, uniqueBucketName } from "../../support/s3Server.js";
import {
  unclaimedDeviations,
  type SharedS3Fixture,
  type SharedS3Options,
  type SharedS3Target,
} from "./fixture.js";
import { defineBucketBehaviours } from "./buckets.js";
import { defineListingBehaviours } from "./listing.js";
import { defineMultipartBehaviours } from "./multipart.js";
import { defineObjectBehaviours } from "./objects.js";
import { defineAuthBehaviours } from "./auth.js";

/**
 * Defines `describe("shared S3 behaviour: <name>")` over the server `target` resolves to. `target`
 * runs in the suite's `before` hook, which allows 180 s (starting Ceph on a clean machine).
 */
export function defineSharedS3Suite(
  name: string,
  target: () => Promise<SharedS3Target>,
  options: SharedS3Options = {},
): void {
  describe(`shared S3 behaviour: ${name}`, function () {
    let state:
      { target: SharedS3Target; options: SessionOptions; session: Session; cleanup: S3Client } | undefined;
    const buckets: string[] = [];
    const ready = () => {
      if (state === undefined) throw new Error(`the ${name} target did not start (see the before hook)`);
      return state;
    };

    const fixture: SharedS3Fixture = {
      knownDeviations: options.knownDeviations ?? {},
      get options() {
        return ready().options;
      },
      get session() {
        return ready().session;
      },
      get s3() {
        return ready().session.client("s3");
      },
      get resource() {
        return ready().session.resource("s3");
      },
      sessionWith: (overrides) => new Session({ ...ready().options, ...overrides }),
      async newBucket(prefix, input = {}) {
        const bucket = uniqueBucketName(prefix);
        buckets.push(bucket);
        await ready()
          .session.client("s3")
          .createBucket({ Bucket: bucket, ...input });
        return bucket;
      },
    };

    before(async function () {
      this.timeout(180_000);
      const { stop, ...rest } = await target();
      const options: SessionOptions = {
        requestChecksumCalculation: "WHEN_REQUIRED",
        responseChecksumValidation: "WHEN_REQUIRED",
        ...rest,
      };
      state = {
        target: { ...rest, ...(stop !== undefined ? { stop } : {}) },
        options,
        session: new Session(options),
        cleanup: new S3Client({
          endpoint: rest.endpoint,
          region: rest.region,
          credentials: { ...rest.credentials },
          forcePathStyle: rest.forcePathStyle ?? true,
          requestChecksumCalculation: "WHEN_REQUIRED",
          responseChecksumValidation: "WHEN_REQUIRED",
        }),
      };
    });

    after(async function () {
      this.timeout(120_000);
      if (state === undefined) return;
      const { cleanup, target: started } = state;
      try {
        for (const bucket of buckets) await emptyAndDeleteBucket(cleanup, bucket);
      } finally {
        cleanup.destroy();
        await started.stop?.();
      }
    });

    defineBucketBehaviours(fixture);
    defineObjectBehaviours(fixture);
    defineListingBehaviours(fixture);
    defineMultipartBehaviours(fixture);
    defineAuthBehaviours(fixture);

    const unclaimed = unclaimedDeviations(fixture);
    if (unclaimed.length > 0) {
      throw new Error(`${name}: knownDeviations name no test: ${unclaimed.map((t) => `"${t}"`).join(", ")}`);
    }
  });
}
