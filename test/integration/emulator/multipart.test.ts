import { createHash } from "node:crypto";

import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListPartsCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
  UploadPartCopyCommand,
} from "@aws-sdk/client-s3";
import { expect } from "chai";

import { ObjectScaleEmulator } from "../../../lib/testing/index.js";
import { serviceFailure as failure } from "../../support/rejection.js";


describe("emulator: multipart uploads", function () {
  const PART = 1024;
  let emu: ObjectScaleEmulator;
  let s3: S3Client;

  before(async function () {
    emu = await ObjectScaleEmulator.start({ minPartSize: PART });
    s3 = new S3Client(emu.clientConfig());
    await s3.send(new CreateBucketCommand({ Bucket: "mpu" }));
  });
  after(async function () {
    s3.destroy();
    await emu.stop();
  });

  it("uploads parts, lists them, and completes into one object with an MD5-of-MD5s ETag", async function () {
    const { UploadId } = await s3.send(
      new CreateMultipartUploadCommand({
        Bucket: "mpu",
        Key: "big.bin",
        ContentType: "application/x-big",
        Metadata: { Origin: "test" },
      }),
    );
    const parts = [Buffer.alloc(PART, 1), Buffer.alloc(PART, 2), Buffer.from("tail")];
    const etags: string[] = [];
    for (const [index, body] of parts.entries()) {
      const { ETag } = await s3.send(
        new UploadPartCommand({ Bucket: "mpu", Key: "big.bin", UploadId, PartNumber: index + 1, Body: body }),
      );
      etags.push(ETag ?? "");
    }
    const listed = await s3.send(
      new ListPartsCommand({ Bucket: "mpu", Key: "big.bin", UploadId, MaxParts: 2 }),
    );
    expect(listed.Parts?.map((p) => [p.PartNumber, p.Size])).to.deep.equal([
      [1, PART],
      [2, PART],
    ]);
    expect(listed.IsTruncated).to.equal(true);
    expect(listed.NextPartNumberMarker).to.equal("2");
    const uploads = await s3.send(new ListMultipartUploadsCommand({ Bucket: "mpu" }));
    expect(uploads.Uploads?.map((u) => [u.Key, u.UploadId])).to.deep.equal([["big.bin", UploadId]]);

    const done = await s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: "mpu",
        Key: "big.bin",
        UploadId,
        MultipartUpload: { Parts: etags.map((ETag, i) => ({ ETag, PartNumber: i + 1 })) },
      }),
    );
    const digest = createHash("md5");
    for (const etag of etags) digest.update(Buffer.from(etag.replaceAll('"', ""), "hex"));
    expect(done.ETag).to.equal(`"${digest.digest("hex")}-3"`);
    const got = await s3.send(new GetObjectCommand({ Bucket: "mpu", Key: "big.bin" }));
    expect(Buffer.from(await got.Body!.transformToByteArray())).to.deep.equal(Buffer.concat(parts));
    expect(got.ContentType).to.equal("application/x-big");
    expect(got.Metadata).to.deep.equal({ origin: "test" });
    expect((await s3.send(new ListMultipartUploadsCommand({ Bucket: "mpu" }))).Uploads ?? []).to.have.length(
      0,
    );
  });

  it("refuses small middle parts, parts out of order and unknown ETags", async function () {
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: "mpu", Key: "bad.bin" }));
    const small = await s3.send(
      new UploadPartCommand({ Bucket: "mpu", Key: "bad.bin", UploadId, PartNumber: 1, Body: "x" }),
    );
    const last = await s3.send(
      new UploadPartCommand({ Bucket: "mpu", Key: "bad.bin", UploadId, PartNumber: 2, Body: "y" }),
    );
    const complete = (Parts: { ETag?: string; PartNumber: number }[]) =>
      failure(
        s3.send(
          new CompleteMultipartUploadCommand({
            Bucket: "mpu",
            Key: "bad.bin",
            UploadId,
            MultipartUpload: { Parts },
          }),
        ),
      );
    expect(
      (
        await complete([
          { ETag: small.ETag, PartNumber: 1 },
          { ETag: last.ETag, PartNumber: 2 },
        ])
      ).name,
    ).to.equal("EntityTooSmall");
    expect(
      (
        await complete([
          { ETag: last.ETag, PartNumber: 2 },
          { ETag: small.ETag, PartNumber: 1 },
        ])
      ).name,
    ).to.equal("InvalidPartOrder");
    expect((await complete([{ ETag: '"0"', PartNumber: 1 }])).name).to.equal("InvalidPart");
  });

  it("aborts an upload, after which it is NoSuchUpload", async function () {
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: "mpu", Key: "aborted" }));
    await s3.send(new AbortMultipartUploadCommand({ Bucket: "mpu", Key: "aborted", UploadId }));
    const error = await failure(
      s3.send(new UploadPartCommand({ Bucket: "mpu", Key: "aborted", UploadId, PartNumber: 1, Body: "x" })),
    );
    expect(error.name).to.equal("NoSuchUpload");
    expect(error.$metadata.httpStatusCode).to.equal(404);
  });

  it("copies a byte range of another object into a part (UploadPartCopy)", async function () {
    await s3.send(new PutObjectCommand({ Bucket: "mpu", Key: "source", Body: "0123456789".repeat(200) }));
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: "mpu", Key: "assembled" }));
    const first = await s3.send(
      new UploadPartCopyCommand({
        Bucket: "mpu",
        Key: "assembled",
        UploadId,
        PartNumber: 1,
        CopySource: "mpu/source",
        CopySourceRange: "bytes=0-1023",
      }),
    );
    const second = await s3.send(
      new UploadPartCommand({ Bucket: "mpu", Key: "assembled", UploadId, PartNumber: 2, Body: "!" }),
    );
    await s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: "mpu",
        Key: "assembled",
        UploadId,
        MultipartUpload: {
          Parts: [
            { ETag: first.CopyPartResult?.ETag, PartNumber: 1 },
            { ETag: second.ETag, PartNumber: 2 },
          ],
        },
      }),
    );
    const head = await s3.send(new HeadObjectCommand({ Bucket: "mpu", Key: "assembled" }));
    expect(head.ContentLength).to.equal(1025);
    expect(emu.requests.at(-1)?.responseHeaders["x-amz-mp-parts-count"]).to.equal("2");
  });
});
