/**
 * Awkward keys round-trip exactly (put, get, head, list through resource collections, copy,
 * delete) on Ceph RGW and on the emulator; metadata-search values cannot inject query parameters.
 */
import { expect } from "chai";
import { Session } from "../../lib/Session.js";
import { ObjectScaleEmulator } from "../../lib/testing/index.js";
import { searchKey } from "../../resources/objectscale/index.js";
import type { S3ServiceResource } from "../../resources/s3/index.js";
import { emulatorSessionOptions, objectScaleSession, only } from "../support/emulatorSession.js";
import { testSession } from "../integration/resources/fixture.js";
import { objectScaleClient } from "../support/objectScaleTransport.js";
import { emptyAndDeleteBucket, rawS3Client, uniqueBucketName, useS3Server } from "../support/s3Server.js";

/** A key of exactly `bytes` UTF-8 bytes, mixing 1- to 4-byte characters. */
function keyOfBytes(bytes: number): string {
  const head = "long/é€😀-";
  return head + "x".repeat(bytes - Buffer.byteLength(head));
}

const KEYS = [
  "with space.txt",
  "  leading and trailing spaces  ",
  "unicode/ünïcödé/日本語.txt",
  "astral/😀🎉𝄞/file",
  "combining/e\u0301 vs \u00e9", // e + combining acute, then precomposed é: two different keys
  "plus+sign+and%25percent%2F",
  "question?mark=1&marker=x",
  "hash#fragment",
  "dots/../parent/./self",
  "../escape",
  "double//slash///triple",
  "/leading-slash",
  "trailing-slash/",
  "tilde~and'quote\"and<angle>&amp;",
  "semi;colon,comma:colon@at$dollar!bang*star(paren)[bracket]{brace}|pipe^caret`tick",
  "tab\tinside",
  keyOfBytes(1024),
];

/** `prefix` + `key`, cut at the end (ASCII there) to stay within 1024 bytes: the copies' keys. */
function under(prefix: string, key: string): string {
  const over = Buffer.byteLength(prefix + key) - 1024;
  return prefix + (over > 0 ? key.slice(0, key.length - over) : key);
}

function encodeCopySource(bucket: string, key: string): string {
  return `${bucket}/${key.split("/").map(encodeURIComponent).join("/")}`;
}

/** Runs the round trip of every key on the server behind `s3`. */
async function roundTrip(s3: S3ServiceResource, bucketName: string): Promise<void> {
  const bucket = s3.Bucket(bucketName);
  for (const key of KEYS) {
    const body = `body of ${key}`;
    const label = JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key);
    const object = bucket.Object(key);
    await object.put({ Body: body, Metadata: { original: encodeURIComponent(key) } });

    await object.load();
    expect(object.contentLength, `head ${label}`).to.equal(Buffer.byteLength(body));
    expect(object.metadata, `metadata ${label}`).to.deep.equal({ original: encodeURIComponent(key) });
    const got = await object.get();
    expect(await got.Body!.transformToString(), `get ${label}`).to.equal(body);

    const listed = [];
    for await (const summary of bucket.objects.filter({ Prefix: key })) listed.push(summary.key);
    expect(listed, `list with the key as prefix ${label}`).to.include(key);

    const copy = bucket.Object(under("copy/", key));
    await copy.copyFrom({ CopySource: encodeCopySource(bucketName, key) });
    expect(await (await copy.get()).Body!.transformToString(), `copy ${label}`).to.equal(body);
    const target = under("managed/", key);
    const managed = await s3.meta.client.copy({ Bucket: bucketName, Key: key }, bucketName, target);
    expect(managed.key, `managed copy ${label}`).to.equal(target);
    const head = await s3.meta.client.headObject({ Bucket: bucketName, Key: target });
    expect(head.ContentLength, `managed copy ${label}`).to.equal(Buffer.byteLength(body));
  }

  const all = [];
  for await (const summary of bucket.objects.all()) all.push(summary.key);
  const expected = KEYS.flatMap((k) => [k, under("copy/", k), under("managed/", k)]);
  expect([...all].sort(), "every key listed once, exactly").to.deep.equal([...expected].sort());

  await bucket.objects.all().delete();
  const left = [];
  for await (const summary of bucket.objects.all()) left.push(summary.key);
  expect(left, "batch delete removed every key").to.deep.equal([]);

  // One by one too: delete() on the resource, and a 404 after.
  const single = bucket.Object(KEYS[4]!);
  await single.put({ Body: "x" });
  await single.delete();
  const error = await single.load().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, "gone after delete").to.be.instanceOf(Error);
}

describe("Keys round-trip exactly", function () {
  this.timeout(120_000);

  it("the key list has the advertised shapes (1024 bytes, combining and precomposed forms)", () => {
    expect(Buffer.byteLength(KEYS.at(-1)!)).to.equal(1024);
    expect(KEYS[4]!.normalize("NFC")).not.to.equal(KEYS[4]);
  });

  describe("on Ceph RGW", () => {
    let s3: S3ServiceResource;
    let bucketName: string;
    let cleanup: () => Promise<void>;

    before(async function () {
      this.timeout(180_000);
      const env = await useS3Server();
      const session = testSession(env);
      s3 = session.resource("s3");
      bucketName = uniqueBucketName("reliability-keys");
      await s3.createBucket({ Bucket: bucketName });
      const raw = rawS3Client(env);
      cleanup = async () => {
        await emptyAndDeleteBucket(raw, bucketName);
        raw.destroy();
      };
    });
    after(async () => cleanup?.());

    it("put, head, get, list, copy, managed copy and delete, for every key", () => roundTrip(s3, bucketName));
  });

  describe("on the emulator", () => {
    let emu: ObjectScaleEmulator;
    before(async () => (emu = await ObjectScaleEmulator.start()));
    after(() => emu.stop());

    it("put, head, get, list, copy, managed copy and delete, for every key", async () => {
      const s3 = new Session(emulatorSessionOptions(emu)).resource("s3");
      await s3.createBucket({ Bucket: "keys" });
      await roundTrip(s3, "keys");
    });
  });
});

describe("Metadata-search values cannot inject query parameters", () => {
  const INJECTIONS = [
    "&marker=x",
    "a&max-keys=1&sorted=Owner",
    "#fragment",
    "x?query=Size>0",
    "100%25 & 50%",
    "=;+ /\\",
    "') or (ObjectName>='",
    "line\nbreak",
  ];

  it("sends each value inside the one `query` parameter, as written (wire recorder)", async () => {
    const { client, wire } = objectScaleClient("path", [{ statusCode: 200, body: "<BucketQueryResult/>" }]);
    for (const value of INJECTIONS) {
      const query = searchKey("x-amz-meta-note", "string").eq(value);
      await client.queryObjects({ Bucket: "b", Query: query });
      const sent = wire.requests.at(-1)!;
      expect(Object.keys(sent.query), JSON.stringify(value)).to.deep.equal(["query"]);
      expect(sent.query["query"]).to.equal(query.toString());
      expect(sent.queryString).not.to.match(/[&?]marker=|#/);
      await client.queryObjects({ Bucket: "b", Query: `x-amz-meta-note=='${value}'` });
      expect(Object.keys(wire.requests.at(-1)!.query)).to.deep.equal(["query"]);
    }
  });

  it("arrives at the server as one literal that matches only the object holding it (emulator)", async () => {
    const emu = await ObjectScaleEmulator.start();
    try {
      const session = objectScaleSession(emu);
      const client = session.client("s3");
      await client.createBucket({
        Bucket: "search",
        ObjectScale: { metadataSearch: [{ key: "x-amz-meta-note", type: "string" }] },
      });
      const stored = INJECTIONS.filter((v) => /^[\t\x20-\x7e]*$/.test(v)); // metadata values are header text
      for (const [i, value] of stored.entries()) {
        await client.putObject({ Bucket: "search", Key: `o${i}`, Body: "x", Metadata: { note: value } });
      }
      for (const [i, value] of stored.entries()) {
        emu.clearRequests();
        const page = await client.queryObjects({
          Bucket: "search",
          Query: searchKey("x-amz-meta-note", "string").eq(value),
        });
        const request = only(emu, "QueryObjects");
        expect(Object.keys(request.query), JSON.stringify(value)).to.deep.equal(["query"]);
        expect(request.query["query"]).to.include(value);
        expect(
          page.Objects.map((o) => o.ObjectName),
          JSON.stringify(value),
        ).to.deep.equal([`o${i}`]);
      }
    } finally {
      await emu.stop();
    }
  });
});
