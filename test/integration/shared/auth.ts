/** SigV4: a wrong secret and an unknown access key are refused, whatever the operation. */
import { expect } from "chai";
import { httpStatus, rejection } from "../../support/emulatorSession.js";
import type { SharedS3Fixture } from "./fixture.js";

export function defineAuthBehaviours(fx: SharedS3Fixture): void {
  describe("authentication", function () {
    let bucket: string;

    before(async function () {
      bucket = await fx.newBucket("shared-auth");
      await fx.s3.putObject({ Bucket: bucket, Key: "k", Body: "secret" });
    });

    const withKeys = (accessKeyId: string | undefined, secretAccessKey: string) => {
      const credentials = fx.options.credentials as { accessKeyId: string; secretAccessKey: string };
      return fx
        .sessionWith({
          credentials: { accessKeyId: accessKeyId ?? credentials.accessKeyId, secretAccessKey },
          maxAttempts: 1,
        })
        .client("s3");
    };

    it("refuses a wrong secret with SignatureDoesNotMatch (403) on reads and writes, changing nothing", async function () {
      const wrong = withKeys(undefined, "not-the-secret-key");
      for (const call of [
        () => wrong.listBuckets({}),
        () => wrong.getObject({ Bucket: bucket, Key: "k" }),
        () => wrong.putObject({ Bucket: bucket, Key: "k", Body: "overwritten" }),
      ]) {
        const error = await rejection(call());
        expect(error.name).to.equal("SignatureDoesNotMatch");
        expect(httpStatus(error)).to.equal(403);
      }
      const still = await fx.s3.getObject({ Bucket: bucket, Key: "k" });
      expect(await still.Body!.transformToString()).to.equal("secret");
    });

    it("refuses an unknown access key with InvalidAccessKeyId (403)", async function () {
      const error = await rejection(withKeys("AKIDUNKNOWNUNKNOWN00", "whatever").listBuckets({}));
      expect(error.name).to.equal("InvalidAccessKeyId");
      expect(httpStatus(error)).to.equal(403);
    });
  });
}
