import { expect } from "chai";
import { MultipartUpload, MultipartUploadPart, S3Object, type Bucket } from "../../../resources/s3/index.js";
import { emptyAndDeleteBucket, uniqueBucketName } from "../../support/s3Server.js";
import { resourceFixture, type ResourceFixture } from "./fixture.js";

const MiB = 1024 * 1024;

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of iterable) all.push(item);
  return all;
}

describe("S3 resources: MultipartUpload and MultipartUploadPart (Ceph RGW)", function () {
  let fx: ResourceFixture;
  let bucket: Bucket;

  before(async function () {
    this.timeout(180_000);
    fx = await resourceFixture();
    bucket = await fx.s3.createBucket({ Bucket: uniqueBucketName("res-multipart") });
  });

  after(async function () {
    this.timeout(60_000);
    if (fx) {
      if (bucket) await emptyAndDeleteBucket(fx.raw, bucket.name);
      fx.raw.destroy();
    }
  });

  it("initiate, upload and copy parts, list them, complete into an Object", async function () {
    this.timeout(60_000);
    const source = await bucket.putObject({ Key: "source.bin", Body: Buffer.alloc(2 * MiB, 7) });
    const upload = await bucket
      .Object("big.bin")
      .initiateMultipartUpload({ ContentType: "application/x-test" });
    expect(upload).to.be.instanceOf(MultipartUpload);
    expect(upload.bucketName).to.equal(bucket.name);
    expect(upload.objectKey).to.equal("big.bin");
    expect(upload.id).to.be.a("string").and.not.equal("");

    const listed = await collect(bucket.multipartUploads);
    expect(listed.map((u) => u.id)).to.deep.equal([upload.id]);
    expect(listed[0]!.key).to.equal("big.bin");
    expect(listed[0]!.initiated).to.be.instanceOf(Date);

    const part1 = upload.Part("1");
    expect(part1).to.be.instanceOf(MultipartUploadPart);
    expect(part1.MultipartUpload().equals(upload)).to.equal(true);
    const one = await part1.upload({ Body: Buffer.alloc(5 * MiB, 1) });
    const two = await upload.Part("2").copyFrom({ CopySource: `${bucket.name}/${source.key}` });

    const parts = await collect(upload.parts);
    expect(parts.map((p) => p.partNumber)).to.deep.equal(["1", "2"]);
    expect(parts.map((p) => p.size)).to.deep.equal([5 * MiB, 2 * MiB]);
    expect(parts[0]!.eTag).to.equal(one.ETag);
    expect(parts.every((p) => p.multipartUploadId === upload.id)).to.equal(true);

    const done = await upload.complete({
      MultipartUpload: {
        Parts: [
          { PartNumber: 1, ETag: one.ETag },
          { PartNumber: 2, ETag: two.CopyPartResult?.ETag },
        ],
      },
    });
    expect(done).to.be.instanceOf(S3Object);
    expect(done.equals(bucket.Object("big.bin"))).to.equal(true);
    await done.load();
    expect(done.contentLength).to.equal(7 * MiB);
    expect(done.contentType).to.equal("application/x-test");
    expect(done.eTag).to.match(/-2"$/);
    expect(await collect(bucket.multipartUploads)).to.deep.equal([]);
  });

  it("abort() discards an upload; Object() and MultipartUpload(id) address it without a request", async () => {
    const obj = bucket.Object("aborted.bin");
    const upload = await obj.initiateMultipartUpload();
    expect(obj.MultipartUpload(upload.id).equals(upload)).to.equal(true);
    expect(upload.Object().equals(obj)).to.equal(true);
    await upload.Part("1").upload({ Body: "tiny" });
    expect((await collect(bucket.multipartUploads)).map((u) => u.id)).to.include(upload.id);
    await upload.abort();
    expect((await collect(bucket.multipartUploads)).map((u) => u.id)).to.not.include(upload.id);
    const error = await collect(upload.parts).then(
      () => undefined,
      (e: unknown) => e,
    );
    // S3 answers NoSuchUpload; Ceph RGW 16 answers NoSuchKey.
    expect((error as Error).name).to.be.oneOf(["NoSuchUpload", "NoSuchKey"]);
  });
});
