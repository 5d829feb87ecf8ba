/**
 * Parity with boto3: the same scenario through boto3's resource layer (Debian's python3-boto3,
 * `test/parity/boto3_scenario.py`) and through ours (`test/parity/resourceScenario.ts`), against
 * the same bucket of the same server, must give the same document: keys listed with a prefix and
 * a delimiter, attributes after load (content length, ETag, metadata, dates), the versions
 * listing, batch delete results and a copy.
 */
import { execFile, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { PutBucketVersioningCommand, PutObjectCommand, DeleteObjectCommand } from "@aws-sdk/client-s3";
import { expect } from "chai";
import { resourceScenario, type ScenarioResult } from "../../parity/resourceScenario.js";
import { emptyAndDeleteBucket, uniqueBucketName } from "../../support/s3Server.js";
import { resourceFixture, type ResourceFixture } from "./fixture.js";

/** Debian's python3 (a pyenv shim on PATH may lack python3-boto3); `PARITY_PYTHON` overrides it. */
const PYTHON = process.env["PARITY_PYTHON"] ?? "/usr/bin/python3";

/**
 * `test/parity/boto3_scenario.py`, from `build/test/integration/resources/` (compiled) or
 * `test/integration/resources/` (ts-node style): both four levels below the repository root.
 */
const SCRIPT = fileURLToPath(new URL("../../../../test/parity/boto3_scenario.py", import.meta.url));

/** Throws a message that says how to get boto3 when Debian's python3-boto3 is not installed. */
function requireBoto3(): void {
  const probe = spawnSync(PYTHON, ["-c", "import boto3, botocore; print(boto3.__version__)"], {
    encoding: "utf8",
  });
  if (probe.error !== undefined || probe.status !== 0) {
    throw new Error(
      `The boto3 parity test needs Debian's python3-boto3 under ${PYTHON}, which is missing ` +
        `(${probe.error?.message ?? (probe.stderr.trim().split("\n").at(-1) || `exit ${probe.status}`)}). ` +
        "`bash scripts/ceph-rgw.sh install` installs it (CI installs it).",
    );
  }
  if (!existsSync(SCRIPT)) throw new Error(`The boto3 scenario is not at ${SCRIPT}`);
}

/** The other side's document with its prefix written as ours, so the two compare deep-equal. */
function swapPrefix(result: ScenarioResult, from: string, to: string): ScenarioResult {
  return JSON.parse(JSON.stringify(result).replaceAll(`"${from}`, `"${to}`)) as ScenarioResult;
}

describe("S3 resources: parity with boto3's resource layer (Ceph RGW)", function () {
  let fx: ResourceFixture;
  let bucketName: string;
  let python: ScenarioResult;
  let ours: ScenarioResult;

  before(async function () {
    this.timeout(180_000);
    requireBoto3();
    fx = await resourceFixture();
    bucketName = uniqueBucketName("res-parity");
    await fx.s3.createBucket({ Bucket: bucketName });
    // The shared objects both sides read, written once through the raw SDK.
    const raw = fx.raw;
    await raw.send(
      new PutBucketVersioningCommand({ Bucket: bucketName, VersioningConfiguration: { Status: "Enabled" } }),
    );
    const put = (Key: string, Body: string | Uint8Array, extra: object = {}) =>
      raw.send(new PutObjectCommand({ Bucket: bucketName, Key, Body, ...extra }));
    await put("shared/docs/a.txt", "alpha", {
      ContentType: "text/plain",
      Metadata: { color: "blue", owner: "parity" },
    });
    await put("shared/docs/b.txt", "bravo");
    await put("shared/docs/sub/c.txt", "charlie");
    await put("shared/img/x.png", new Uint8Array([137, 80, 78, 71]));
    await put("shared/root.txt", "root");
    await put("shared/v.txt", "one");
    await put("shared/v.txt", "two!");
    await raw.send(new DeleteObjectCommand({ Bucket: bucketName, Key: "shared/v.txt" }));

    const { stdout } = await promisify(execFile)(PYTHON, [SCRIPT], {
      env: {
        ...process.env,
        AWS_ENDPOINT_URL: fx.env.endpoint,
        AWS_ACCESS_KEY_ID: fx.env.credentials.accessKeyId,
        AWS_SECRET_ACCESS_KEY: fx.env.credentials.secretAccessKey,
        AWS_REGION: fx.env.region,
        PARITY_BUCKET: bucketName,
        PARITY_PREFIX: "py/",
      },
      maxBuffer: 1 << 20,
    });
    python = swapPrefix(JSON.parse(stdout) as ScenarioResult, "py/", "ts/");
    ours = JSON.parse(JSON.stringify(await resourceScenario(fx.s3, bucketName, "ts/"))) as ScenarioResult;
  });

  after(async function () {
    this.timeout(60_000);
    if (fx) {
      if (bucketName) await emptyAndDeleteBucket(fx.raw, bucketName);
      fx.raw.destroy();
    }
  });

  it("lists the same keys and common prefixes with a prefix and a delimiter", () => {
    expect(ours.listing).to.deep.equal(python.listing);
    expect(ours.listing.keys).to.deep.equal(["shared/root.txt"]);
    expect(ours.listing.commonPrefixes).to.deep.equal(["shared/docs/", "shared/img/"]);
  });

  it("gives listed summaries the same size, ETag, date and storage class", () => {
    expect(ours.summaries).to.deep.equal(python.summaries);
    expect(ours.summaries).to.have.length(3);
  });

  it("loads the same object attributes (content length, ETag, metadata, dates, version)", () => {
    expect(ours.object).to.deep.equal(python.object);
    expect(ours.object).to.deep.include({ contentLength: 5, metadata: { color: "blue", owner: "parity" } });
    expect(ours.summaryLoad).to.deep.equal(python.summaryLoad);
    expect(ours.summaryLoad.size).to.equal(5);
  });

  it("loads the bucket from ListBuckets, as boto3's injected load does", () => {
    expect(ours.bucket).to.deep.equal(python.bucket);
    expect(ours.bucket.listed).to.equal(true);
  });

  it("lists the same versions and delete markers, in the same order, and reads a version", () => {
    expect(ours.versions).to.deep.equal(python.versions);
    expect(ours.versions.map((v) => [v.size, v.isLatest])).to.deep.equal([
      [4, false],
      [3, false],
      [null, true],
    ]);
    expect(ours.versionGet).to.deep.equal(python.versionGet);
    expect(ours.versionGet).to.deep.equal({ body: "one", headLength: 3 });
  });

  it("copies the same way", () => {
    expect(ours.copy).to.deep.equal(python.copy);
  });

  it("batch-deletes the same objects and versions; ours in fewer requests", () => {
    expect(ours.batchDelete).to.deep.equal(python.batchDelete);
    expect(ours.batchDelete.deleted).to.have.length(5);
    expect(ours.batchDelete.versionsDeleted).to.have.length(10); // 5 versions + 5 delete markers
    expect(ours.batchDelete.left).to.deep.equal([]);
    // boto3 sends one DeleteObjects per listed page (page_size(2): 3 pages); ours fills requests
    // up to DeleteObjects' 1,000 keys across pages.
    expect(python.requests).to.deep.equal({ objectsDelete: 3, versionsDelete: 1 });
    expect(ours.requests).to.deep.equal({ objectsDelete: 1, versionsDelete: 1 });
  });
});
