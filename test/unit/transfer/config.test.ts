import { expect } from "chai";
import { MULTIPART_LIMITS, TRANSFER_DEFAULTS, ValidationError, planParts } from "../../../index.js";
import { resolveTransferConfig } from "../../../lib/transfer/config.js";

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

describe("planParts()", () => {
  it("keeps the preferred part size when 10,000 parts suffice", () => {
    expect(planParts(40 * MiB, 8 * MiB)).to.deep.equal({ partSize: 8 * MiB, partCount: 5 });
  });

  it("doubles the part size until the object fits in 10,000 parts", () => {
    expect(planParts(100 * GiB, 8 * MiB)).to.deep.equal({ partSize: 16 * MiB, partCount: 6400 });
    const { partSize, partCount } = planParts(5 * 1024 * GiB, 8 * MiB);
    expect(partCount).to.be.at.most(MULTIPART_LIMITS.maxParts);
    expect(partSize).to.equal(1024 * MiB);
  });

  it("raises a part size under 5 MiB to 5 MiB and caps it at 5 GiB", () => {
    expect(planParts(12 * MiB, 1 * MiB).partSize).to.equal(5 * MiB);
    expect(planParts(12 * GiB, 8 * GiB).partSize).to.equal(5 * GiB);
  });

  it("refuses objects too large for 10,000 parts of 5 GiB", () => {
    expect(() => planParts(10_001 * 5 * GiB, 8 * MiB)).to.throw(ValidationError, /10,000 parts of 5 GiB/);
  });
});

describe("resolveTransferConfig()", () => {
  it("fills boto3's defaults", () => {
    expect(resolveTransferConfig()).to.deep.equal({ ...TRANSFER_DEFAULTS });
    expect(TRANSFER_DEFAULTS).to.deep.equal({
      multipartThreshold: 8 * MiB,
      partSize: 8 * MiB,
      concurrency: 10,
      partAttempts: 5,
    });
  });

  it("names every invalid setting", () => {
    const error = (() => {
      try {
        resolveTransferConfig({ concurrency: 0, partSize: MiB });
      } catch (e) {
        return e as ValidationError;
      }
      throw new Error("expected a throw");
    })();
    expect(error.issues.map((i) => i.field)).to.deep.equal(["concurrency", "partSize"]);
  });
});
