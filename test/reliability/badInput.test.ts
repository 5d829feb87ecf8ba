/**
 * Bad input never reaches the server: every invalid bucket name, key, metadata entry, search
 * expression, byte range, retention value and transfer option is refused with a ValidationError
 * naming the field, and the transport sees zero requests. Valid inputs of the same shapes are
 * generated too and must be sent, so each property can fail both ways.
 */
import { PassThrough, Readable } from "node:stream";
import { expect } from "chai";
import fc from "fast-check";
import { ValidationError } from "../../lib/errors.js";
import type { S3ServiceClient } from "../../lib/client/ClientFactory.js";
import type { Session } from "../../lib/Session.js";
import type { S3ServiceResource } from "../../resources/s3/index.js";
import { searchKey, type UserSearchKeyName } from "../../resources/objectscale/query/index.js";
import { objectScaleClient, type WireRecorder } from "../support/objectScaleTransport.js";

const RUNS = { numRuns: 150 };

interface Harness {
  readonly client: S3ServiceClient;
  readonly s3: S3ServiceResource;
  readonly session: Session;
  readonly wire: WireRecorder;
}

function harness(): Harness {
  // 200 with the ETag of "x", the body the transfer tests upload, so a managed upload succeeds.
  const answer = { statusCode: 200, headers: { etag: '"9dd4e461268c8034f5c8564e155c67a6"' } };
  const { client, wire, session } = objectScaleClient("path", [answer]);
  return { client, wire, session, s3: session.resource("s3", { client }) };
}

/**
 * Runs `call` and checks it failed with a ValidationError listing `field` (exact name, or a
 * pattern), and that the transport saw no request.
 */
async function refused(h: Harness, field: string | RegExp, call: () => unknown): Promise<void> {
  const before = h.wire.requests.length;
  let error: unknown;
  try {
    await call();
  } catch (caught) {
    error = caught;
  }
  expect(ValidationError.is(error), `expected a ValidationError, got ${String(error)}`).to.equal(true);
  const fields = (error as ValidationError).issues.map((i) => i.field);
  const matches = (f: string) => (typeof field === "string" ? f === field : field.test(f));
  expect(fields.some(matches), `issues ${JSON.stringify(fields)} should name ${String(field)}`).to.equal(
    true,
  );
  for (const issue of (error as ValidationError).issues) {
    expect(issue.expected, `issue of ${issue.field} says what was expected`).to.be.a("string").and.not.empty;
  }
  expect(h.wire.requests.length - before, "requests sent").to.equal(0);
}

/** Runs `call` and checks it was sent (exactly `requests` requests) without a validation error. */
async function sent(h: Harness, call: () => unknown, requests = 1): Promise<void> {
  const before = h.wire.requests.length;
  try {
    await call();
  } catch (error) {
    if (ValidationError.is(error)) throw new Error(`valid input refused: ${error.message}`, { cause: error });
    // The stub answers 200 with an empty body; a later parsing complaint is not the point here.
  }
  expect(h.wire.requests.length - before, "requests sent").to.equal(requests);
}

const ASCII_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
const DIGITS = "0123456789";
const utf8 = (s: string) => Buffer.byteLength(s, "utf8");

/** Characters no bucket name may contain. */
const badBucketChar = fc.constantFrom(
  " ",
  "/",
  "?",
  "#",
  "%",
  "+",
  "é",
  "😀",
  "\u0000",
  ":",
  "*",
  "\n",
  "\\",
);
const existingBucketChar = fc.constantFrom(...ASCII_LETTERS, ...DIGITS, ".", "_", "-");

/** Names refused for an existing bucket: empty, too long, or holding a character outside the rule. */
const invalidExistingBucket = fc.oneof(
  fc.constant(""),
  fc.integer({ min: 256, max: 400 }).map((n) => "b".repeat(n)),
  fc
    .tuple(
      fc.string({ unit: existingBucketChar, maxLength: 20 }),
      badBucketChar,
      fc.string({ unit: existingBucketChar, maxLength: 20 }),
    )
    .map(([a, c, b]) => a + c + b)
    .filter((s) => !s.startsWith("arn:")),
);

const strictChar = fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789-");
const alnum = fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789");
/** Valid new bucket names (no dots, so no IP-like names; reserved affixes filtered out). */
const validStrictBucket = fc
  .tuple(alnum, fc.string({ unit: strictChar, minLength: 1, maxLength: 61 }), alnum)
  .map(([a, m, b]) => a + m + b)
  .filter(
    (n) =>
      !["xn--", "sthree-", "amzn-s3-demo-"].some((p) => n.startsWith(p)) &&
      !["-s3alias", "--ol-s3", "--x-s3", "--table-s3"].some((s) => n.endsWith(s)),
  );
/** Names CreateBucket must refuse though they may name an existing bucket. */
const invalidStrictBucket = fc.oneof(
  validStrictBucket.map((n) => n.toUpperCase()).filter((n) => /[A-Z]/.test(n)),
  validStrictBucket.map((n) => `${n.slice(0, 1)}_${n.slice(1)}`),
  fc.constantFrom("ab", "a".repeat(64), "192.168.0.1", "a..b", "a.-b", "-ab", "ab-", "xn--abc", "ab-s3alias"),
  invalidExistingBucket,
);

/** Keys: valid ones of any Unicode text up to 1024 UTF-8 bytes; invalid ones empty, too long or ill-formed. */
const validKey = fc.string({ unit: "grapheme", minLength: 1, maxLength: 80 }).filter((k) => utf8(k) <= 1024);
const invalidKey = fc.oneof(
  fc.constant(""),
  fc
    .tuple(fc.constantFrom("a", "é", "€", "😀"), fc.integer({ min: 1, max: 40 }))
    .map(([c, extra]) => c.repeat(Math.ceil(1024 / utf8(c))) + "x".repeat(extra)),
  fc
    .tuple(
      fc.string({ maxLength: 10 }),
      fc.constantFrom("\uD800", "\uDBFF", "\uDC00", "\uDFFF"),
      fc.string({ maxLength: 10 }),
    )
    .map(([a, lone, b]) => a + lone + b)
    .filter((k) => /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(k)),
);

const TOKEN_CHARS = "!#$%&'*+-.^_`|~";
const metadataName = fc.string({
  unit: fc.constantFrom(...ASCII_LETTERS, ...DIGITS, ...TOKEN_CHARS),
  minLength: 1,
  maxLength: 20,
});
const metadataValue = fc.string({
  unit: fc.constantFrom(...ASCII_LETTERS, ...DIGITS, " ", "\t", "=", "/", ":", "%", '"'),
  maxLength: 40,
});
const badNameChar = fc.constantFrom(" ", ":", "(", ")", "@", "é", "\n", "\r", "\u0000", "/", "=", "😀", "[");
const invalidMetadataName = fc.oneof(
  fc.constant(""),
  fc.tuple(metadataName, badNameChar, metadataName).map(([a, c, b]) => a + c + b),
);
const badValueChar = fc.constantFrom("\n", "\r", "\u0000", "\u001f", "\u007f", "é", "€", "😀", "\u0085");
const invalidMetadataValue = fc
  .tuple(metadataValue, badValueChar, metadataValue)
  .map(([a, c, b]) => a + c + b);

describe("Bad input is refused before anything is sent (property-based)", function () {
  this.timeout(60_000);
  let h: Harness;
  beforeEach(() => {
    h = harness();
  });

  describe("bucket names", () => {
    it("refuses an invalid existing bucket's name on client calls and resources, naming Bucket", async () => {
      await fc.assert(
        fc.asyncProperty(invalidExistingBucket, async (name) => {
          await refused(h, "Bucket", () => h.client.headBucket({ Bucket: name }));
          await refused(h, "Bucket", () => h.client.putObject({ Bucket: name, Key: "k", Body: "x" }));
          await refused(h, "Bucket", () => h.client.queryObjects({ Bucket: name, Query: "Size>0" }));
          await refused(h, "Bucket", () => h.client.appendObject({ Bucket: name, Key: "k", Body: "x" }));
          // An empty identifier is refused by the resource layer itself (InvalidIdentifierError).
          if (name !== "") {
            await refused(h, "Bucket", async () => {
              for await (const _ of h.s3.Bucket(name).objects.all()) break;
            });
          }
        }),
        RUNS,
      );
    });

    it("refuses a new bucket's name that breaks the strict rules, and sends every valid one", async () => {
      await fc.assert(
        fc.asyncProperty(invalidStrictBucket, validStrictBucket, async (bad, good) => {
          await refused(h, "Bucket", () => h.client.createBucket({ Bucket: bad }));
          await refused(h, "Bucket", () => h.s3.createBucket({ Bucket: bad }));
          await sent(h, () => h.client.createBucket({ Bucket: good }));
          await sent(h, () => h.client.headBucket({ Bucket: good }));
        }),
        RUNS,
      );
    });
  });

  describe("object keys", () => {
    it("refuses empty, over-long (1025+ UTF-8 bytes) and ill-formed keys everywhere a key goes", async () => {
      await fc.assert(
        fc.asyncProperty(invalidKey, async (key) => {
          await refused(h, "Key", () => h.client.putObject({ Bucket: "b", Key: key, Body: "x" }));
          await refused(h, "Key", () => h.client.getObject({ Bucket: "b", Key: key }));
          await refused(h, "Key", () => h.client.copyObject({ Bucket: "b", Key: key, CopySource: "s/k" }));
          await refused(h, "Key", () =>
            h.client.updateObjectRange({ Bucket: "b", Key: key, Offset: 0, Body: "x" }),
          );
          await refused(h, "Key", () =>
            h.client.extendRetentionPeriod({ Bucket: "b", Key: key, RetentionPeriod: 1 }),
          );
          await refused(h, "Delete.Objects[1].Key", () =>
            h.client.deleteObjects({ Bucket: "b", Delete: { Objects: [{ Key: "ok" }, { Key: key }] } }),
          );
          await refused(h, "key", () => h.client.uploadStream(Readable.from(["x"]), "b", key));
          await refused(h, "key", () => h.client.downloadStream("b", key, new PassThrough()));
          await refused(h, "source.Key", () => h.client.copy({ Bucket: "b", Key: key }, "b", "target"));
          await refused(h, "key", () => h.client.copy({ Bucket: "b", Key: "k" }, "b", key));
          if (key !== "") {
            // The resource layer refuses an empty identifier itself (InvalidIdentifierError).
            await refused(h, "Key", () => h.s3.Object("b", key).put({ Body: "x" }));
            await refused(h, "Key", () => h.s3.Object("b", key).load());
          }
        }),
        RUNS,
      );
    });

    it("sends every well-formed key of at most 1024 UTF-8 bytes", async () => {
      await fc.assert(
        fc.asyncProperty(validKey, async (key) => {
          await sent(h, () => h.client.putObject({ Bucket: "b", Key: key, Body: "x" }));
          await sent(h, () => h.s3.Object("b", key).delete());
        }),
        RUNS,
      );
    });
  });

  describe("user metadata", () => {
    it("refuses a name that is not an HTTP token, naming the entry", async () => {
      await fc.assert(
        fc.asyncProperty(invalidMetadataName, metadataValue, async (name, value) => {
          const Metadata = { ok: "1", [name]: value };
          const field = /^Metadata/;
          await refused(h, field, () => h.client.putObject({ Bucket: "b", Key: "k", Body: "x", Metadata }));
          await refused(h, field, () => h.client.createMultipartUpload({ Bucket: "b", Key: "k", Metadata }));
          await refused(h, field, () => h.s3.Object("b", "k").put({ Body: "x", Metadata }));
          await refused(h, /Metadata/, () =>
            h.client.uploadStream(Readable.from(["x"]), "b", "k", { params: { Metadata } }),
          );
        }),
        RUNS,
      );
    });

    it("refuses a value with control or non-ASCII characters (not sendable in a header)", async () => {
      await fc.assert(
        fc.asyncProperty(metadataName, invalidMetadataValue, async (name, value) => {
          const Metadata = { [name]: value };
          await refused(h, /^Metadata\b/, () =>
            h.client.putObject({ Bucket: "b", Key: "k", Body: "x", Metadata }),
          );
          await refused(h, /^Metadata\b/, () =>
            h.client.copyObject({
              Bucket: "b",
              Key: "k",
              CopySource: "s/k",
              Metadata,
              MetadataDirective: "REPLACE",
            }),
          );
        }),
        RUNS,
      );
    });

    it("refuses two names that differ only in case (S3 names are case-insensitive)", async () => {
      await fc.assert(
        fc.asyncProperty(
          metadataName.filter((n) => n.toLowerCase() !== n.toUpperCase()),
          async (name) => {
            const Metadata = { [name.toLowerCase()]: "a", [name.toUpperCase()]: "b" };
            await refused(h, /^Metadata\b/, () =>
              h.client.putObject({ Bucket: "b", Key: "k", Body: "x", Metadata }),
            );
          },
        ),
        RUNS,
      );
    });

    it("sends header-safe names with printable ASCII values", async () => {
      await fc.assert(
        fc.asyncProperty(fc.dictionary(metadataName, metadataValue, { maxKeys: 5 }), async (Metadata) => {
          const lower = new Set(Object.keys(Metadata).map((n) => n.toLowerCase()));
          fc.pre(lower.size === Object.keys(Metadata).length);
          await sent(h, () => h.client.putObject({ Bucket: "b", Key: "k", Body: "x", Metadata }));
        }),
        RUNS,
      );
    });
  });

  describe("metadata search", () => {
    const badUserKey = fc.oneof(
      fc.constant("x-amz-meta-"),
      fc
        .tuple(
          fc.stringMatching(/^[a-z0-9]{0,6}$/),
          fc.constantFrom(" ", "'", '"', "(", ")", "=", "<", "&", "#", "é", ","),
          fc.stringMatching(/^[a-z0-9]{0,6}$/),
        )
        .map(([a, c, b]) => `x-amz-meta-${a}${c}${b}`),
      fc.constantFrom("size", "SIZE", "objectname", "x-amz-metadept", "Content-Type", ""),
    );

    it("refuses key names outside the grammar in the builder, naming the key", async () => {
      await fc.assert(
        fc.asyncProperty(badUserKey, async (name) => {
          await refused(h, "key", () => searchKey(name as UserSearchKeyName, "string"));
        }),
        RUNS,
      );
    });

    it("refuses literals the datatype cannot express, naming the key", async () => {
      const badLiteral = fc.oneof(
        fc.tuple(
          fc.constant("integer" as const),
          fc.oneof(
            fc.double().filter((d) => !Number.isSafeInteger(d)),
            fc.string(),
          ),
        ),
        fc.tuple(
          fc.constant("decimal" as const),
          fc.oneof(
            fc.constantFrom(NaN, Infinity, -Infinity, "1e5", "1.", ".5", "0x10", "", " 1"),
            fc.string().filter((s) => !/^-?\d+(\.\d+)?$/.test(s)),
          ),
        ),
        fc.tuple(
          fc.constant("datetime" as const),
          fc.oneof(
            fc.constantFrom(
              new Date(NaN),
              new Date("+010000-01-01T00:00:00Z"),
              "2024-02-30T00:00:00Z",
              "2023-02-29T00:00:00Z",
              "2024-04-31T10:00:00Z",
              "2024-01-01T24:00:00Z",
              "2024-01-01",
              "2024-01-01T00:00:00+01:00",
            ),
            fc.string(),
          ),
        ),
        fc.tuple(
          fc.constant("string" as const),
          fc.tuple(fc.string(), fc.string()).map(([a, b]) => `${a}'${b}"`),
        ),
      );
      await fc.assert(
        fc.asyncProperty(badLiteral, async ([type, value]) => {
          await refused(h, "x-amz-meta-k", () => searchKey("x-amz-meta-k", type).eq(value));
        }),
        RUNS,
      );
    });

    it("refuses empty raw expressions and bad paging members of QueryObjects, sending nothing", async () => {
      await fc.assert(
        fc.asyncProperty(fc.stringMatching(/^[ \t\n]*$/), fc.integer({ max: 0 }), async (blank, maxKeys) => {
          await refused(h, "Query", () => h.client.queryObjects({ Bucket: "b", Query: blank }));
          await refused(h, "MaxKeys", () =>
            h.client.queryObjects({ Bucket: "b", Query: "Size>0", MaxKeys: maxKeys }),
          );
          await refused(h, "Sorted", () =>
            h.client.queryObjects({ Bucket: "b", Query: searchKey("Size").gt(1), Sorted: "Owner" }),
          );
          await refused(h, "Attributes", () =>
            h.client.queryObjects({
              Bucket: "b",
              Query: "Size>0",
              Attributes: ["ContentType", `a${blank},b`],
            }),
          );
        }),
        RUNS,
      );
    });

    it("sends any non-blank raw expression and any built one as exactly one query parameter", async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== ""),
          fc.string({ unit: "grapheme", maxLength: 20 }).filter((s) => !(s.includes("'") && s.includes('"'))),
          async (raw, literal) => {
            await sent(h, () => h.client.queryObjects({ Bucket: "b", Query: raw }));
            expect(h.wire.requests.at(-1)!.query["query"]).to.equal(raw);
            const built = searchKey("x-amz-meta-k", "string").eq(literal);
            await sent(h, () => h.client.queryObjects({ Bucket: "b", Query: built }));
            expect(Object.keys(h.wire.requests.at(-1)!.query)).to.deep.equal(["query"]);
            expect(h.wire.requests.at(-1)!.query["query"]).to.equal(built.toString());
          },
        ),
        RUNS,
      );
    });
  });

  describe("byte ranges and write offsets", () => {
    const invalidRange = fc.oneof(
      fc
        .tuple(fc.nat(), fc.nat())
        .filter(([a, b]) => a > b)
        .map(([a, b]) => `bytes=${a}-${b}`),
      fc.nat().map((n) => `${n}-${n + 1}`),
      fc.constantFrom(
        "bytes=-0",
        "bytes=-",
        "bytes=",
        "bytes=1-2,4-5",
        "items=0-1",
        "bytes= 0-1",
        "",
        "bytes=0x1-2",
        "bytes=1e3-",
      ),
      fc.string().filter((s) => !/^bytes=\d/.test(s) && !/^bytes=-\d/.test(s)),
    );
    const validRange = fc.oneof(
      fc.tuple(fc.nat(), fc.nat()).map(([a, b]) => `bytes=${Math.min(a, b)}-${Math.max(a, b)}`),
      fc.nat().map((n) => `bytes=${n}-`),
      fc.integer({ min: 1 }).map((n) => `bytes=-${n}`),
    );
    const badOffset = fc.oneof(
      fc.integer({ max: -1 }),
      fc.double().filter((d) => !Number.isSafeInteger(d)),
      fc.constantFrom(Number.MAX_SAFE_INTEGER + 1, "0", "10", null, true, 1n),
    );

    it("refuses a malformed Range on GetObject and HeadObject, and sends every valid one", async () => {
      await fc.assert(
        fc.asyncProperty(invalidRange, validRange, async (bad, good) => {
          await refused(h, "Range", () => h.client.getObject({ Bucket: "b", Key: "k", Range: bad }));
          await refused(h, "Range", () => h.client.headObject({ Bucket: "b", Key: "k", Range: bad }));
          await refused(h, "Range", () => h.s3.Object("b", "k").get({ Range: bad }));
          await sent(h, () => h.client.getObject({ Bucket: "b", Key: "k", Range: good }));
        }),
        RUNS,
      );
    });

    it("refuses a negative, fractional, unsafe or non-number offset of writeRange / overwriteFrom", async () => {
      await fc.assert(
        fc.asyncProperty(badOffset, async (offset) => {
          const obj = h.s3.Object("b", "k");
          await refused(h, "Offset", () => obj.writeRange(offset as number, "abc"));
          await refused(h, "Offset", () => obj.overwriteFrom(offset as number, "abc"));
          await refused(h, "Offset", () =>
            h.client.updateObjectRange({ Bucket: "b", Key: "k", Offset: offset as number, Body: "x" }),
          );
        }),
        RUNS,
      );
    });

    it("refuses bodies whose length contradicts ContentLength, and sends consistent ones", async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.string({ maxLength: 20 }),
          fc.nat(100),
          fc.nat(),
          async (body, declared, offset) => {
            fc.pre(declared !== utf8(body));
            const obj = h.s3.Object("b", "k");
            await refused(h, "Body", () => obj.append(body, { contentLength: declared }));
            await refused(h, "Body", () => obj.writeRange(offset, body, { contentLength: declared }));
            await refused(h, "Body", () =>
              h.client.appendObject({ Bucket: "b", Key: "k", Body: Readable.from([body]) }),
            );
            await sent(h, () =>
              h.client.overwriteObjectRange({ Bucket: "b", Key: "k", Offset: offset, Body: body }),
            );
          },
        ),
        RUNS,
      );
    });

    it("refuses an empty range update (it must replace at least one byte)", async () => {
      await fc.assert(
        fc.asyncProperty(fc.nat(), async (offset) => {
          await refused(h, "Body", () => h.s3.Object("b", "k").writeRange(offset, ""));
          await refused(h, "Body", () => h.s3.Object("b", "k").writeRange(offset, new Uint8Array(0)));
        }),
        { numRuns: 30 },
      );
    });

    /** copy-range segment ranges: "start-end" or "start-", no "bytes=", comma-separated. */
    const invalidSegmentRange = fc.oneof(
      fc
        .tuple(fc.nat(), fc.nat())
        .filter(([a, b]) => a > b)
        .map(([a, b]) => `${a}-${b}`),
      fc.nat().map((n) => `bytes=${n}-${n + 1}`),
      fc.constantFrom("-5", "", "1-2,", ",1-2", "1-2, 3-4", "0x1-2", "1e3-"),
      fc.string().filter((s) => !/^\d+-\d*(,\d+-\d*)*$/.test(s)),
    );

    it("refuses malformed CopySourceRange and copy-range segments", async () => {
      await fc.assert(
        fc.asyncProperty(invalidRange, invalidSegmentRange, async (bad, badSegment) => {
          const part = { Bucket: "b", Key: "k", CopySource: "s/k", UploadId: "u", PartNumber: 1 };
          await refused(h, "CopySourceRange", () =>
            h.client.uploadPartCopy({ ...part, CopySourceRange: bad }),
          );
          await refused(h, /^Segments\[0\]\.Range$/, () =>
            h.client.copyRange({
              Bucket: "b",
              Key: "k",
              Segments: [{ Bucket: "s", Key: "k", Range: badSegment }],
            }),
          );
        }),
        RUNS,
      );
    });
  });

  describe("retention", () => {
    const badPeriod = fc.oneof(
      fc.integer({ max: -2 }),
      fc.double().filter((d) => !Number.isSafeInteger(d)),
      fc.constantFrom("60", true, 60n, Number.MAX_SAFE_INTEGER + 2),
    );
    const goodPeriod = fc.oneof(fc.constant(-1), fc.nat());

    it("refuses an ObjectScale retention period that is not -1 or a whole number of seconds", async () => {
      await fc.assert(
        fc.asyncProperty(badPeriod, goodPeriod, async (bad, good) => {
          const period = bad as number;
          await refused(h, "RetentionPeriod", () =>
            h.client.extendRetentionPeriod({ Bucket: "b", Key: "k", RetentionPeriod: period }),
          );
          await refused(h, "RetentionPeriod", () => h.s3.Object("b", "k").extendRetention(period));
          await refused(h, "ObjectScale.retentionPeriod", () =>
            h.client.putObject({
              Bucket: "b",
              Key: "k",
              Body: "x",
              ObjectScale: { retentionPeriod: period },
            }),
          );
          await refused(h, "ObjectScale.retentionPeriod", () =>
            h.client.createBucket({ Bucket: "bucket", ObjectScale: { retentionPeriod: period } }),
          );
          await sent(h, () => h.s3.Object("b", "k").extendRetention(good));
          await sent(h, () =>
            h.client.putObject({ Bucket: "b", Key: "k", Body: "x", ObjectScale: { retentionPeriod: good } }),
          );
        }),
        RUNS,
      );
    });

    it("treats a null retention period as not given, like the SDK's optional members", async () => {
      await sent(h, () =>
        h.client.putObject({
          Bucket: "b",
          Key: "k",
          Body: "x",
          ObjectScale: { retentionPeriod: null as never },
        }),
      );
      expect(h.wire.requests.at(-1)!.headers).not.to.have.property("x-emc-retention-period");
      await refused(h, "RetentionPeriod", () =>
        h.client.extendRetentionPeriod({ Bucket: "b", Key: "k", RetentionPeriod: null as never }),
      );
    });

    it("refuses retention policy names with control characters", async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.tuple(fc.string(), fc.constantFrom("\n", "\r", "\u0000"), fc.string()),
          async ([a, c, b]) => {
            await refused(h, "ObjectScale.retentionPolicy", () =>
              h.client.putObject({
                Bucket: "b",
                Key: "k",
                Body: "x",
                ObjectScale: { retentionPolicy: a + c + b },
              }),
            );
          },
        ),
        RUNS,
      );
    });

    const invalidDate = fc.oneof(
      fc.constant(new Date(NaN)),
      fc.integer({ min: 253_402_300_800_000, max: 8.64e15 }).map((t) => new Date(t)), // after 9999-12-31
      fc.integer({ min: -8.64e15, max: -1 }).map((t) => new Date(t)), // before 1970
      fc.constantFrom("2030-01-01T00:00:00Z", 1_900_000_000_000, {}),
    );
    const validDate = fc.date({
      min: new Date("1970-01-01T00:00:00Z"),
      max: new Date("9999-12-31T23:59:59Z"),
      noInvalidDate: true,
    });

    it("refuses Object Lock dates that are not Dates of the years 1970-9999, and sends valid ones", async () => {
      await fc.assert(
        fc.asyncProperty(invalidDate, validDate, async (bad, good) => {
          const date = bad as Date;
          await refused(h, "Retention.RetainUntilDate", () =>
            h.client.putObjectRetention({
              Bucket: "b",
              Key: "k",
              Retention: { Mode: "GOVERNANCE", RetainUntilDate: date },
            }),
          );
          await refused(h, "ObjectLockRetainUntilDate", () =>
            h.client.putObject({
              Bucket: "b",
              Key: "k",
              Body: "x",
              ObjectLockMode: "COMPLIANCE",
              ObjectLockRetainUntilDate: date,
            }),
          );
          await sent(h, () =>
            h.client.putObjectRetention({
              Bucket: "b",
              Key: "k",
              Retention: { Mode: "GOVERNANCE", RetainUntilDate: good },
            }),
          );
        }),
        RUNS,
      );
    });

    it("refuses Object Lock modes and default-retention periods outside the model", async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.string().filter((m) => m !== "GOVERNANCE" && m !== "COMPLIANCE"),
          fc.integer({ max: 0 }),
          async (mode, days) => {
            await refused(h, "Retention.Mode", () =>
              h.client.putObjectRetention({
                Bucket: "b",
                Key: "k",
                Retention: { Mode: mode as "GOVERNANCE" },
              }),
            );
            await refused(h, /DefaultRetention\.Days$/, () =>
              h.client.putObjectLockConfiguration({
                Bucket: "b",
                ObjectLockConfiguration: {
                  ObjectLockEnabled: "Enabled",
                  Rule: { DefaultRetention: { Mode: "GOVERNANCE", Days: days } },
                },
              }),
            );
          },
        ),
        RUNS,
      );
    });
  });

  describe("transfer options", () => {
    const MiB = 1024 * 1024;
    const notPositiveInteger = fc.oneof(
      fc.integer({ max: 0 }),
      fc.double({ min: 0.01, max: 1e6 }).filter((d) => !Number.isInteger(d)),
      fc.constantFrom(NaN, Infinity, -Infinity, "8", true, 2n ** 60n, Number.MAX_SAFE_INTEGER + 1),
    );
    const member = fc.constantFrom("multipartThreshold", "partSize", "concurrency", "partAttempts");

    it("refuses each setting that is not a positive integer, naming it, for every transfer", async () => {
      await fc.assert(
        fc.asyncProperty(member, notPositiveInteger, async (name, value) => {
          const options = { [name]: value } as never;
          await refused(h, name, () => h.client.uploadStream(Readable.from(["x"]), "b", "k", options));
          await refused(h, name, () => h.client.downloadStream("b", "k", new PassThrough(), options));
          await refused(h, name, () => h.client.copy({ Bucket: "s", Key: "k" }, "b", "k", options));
          await refused(h, name, () => h.s3.Bucket("b").uploadStream(Readable.from(["x"]), "k", options));
        }),
        RUNS,
      );
    });

    it("refuses part sizes outside S3's 5 MiB - 5 GiB", async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.integer({ min: 1, max: 5 * MiB - 1 }),
            fc.integer({ min: 5 * 1024 * MiB + 1, max: 2 ** 40 }),
          ),
          async (partSize) => {
            await refused(h, "partSize", () =>
              h.client.uploadStream(Readable.from(["x"]), "b", "k", { partSize }),
            );
          },
        ),
        RUNS,
      );
    });

    it("refuses a bad stream size, request timeout, abort signal or progress callback", async () => {
      const cases = fc.oneof(
        fc.tuple(
          fc.constant("size"),
          fc.oneof(fc.integer({ max: -1 }), fc.constantFrom(NaN, 1.5, Infinity, "10")),
        ),
        fc.tuple(
          fc.constant("requestTimeout"),
          fc.oneof(fc.integer({ max: -1 }), fc.constantFrom(NaN, Infinity, "1000", 0.5)),
        ),
        fc.tuple(fc.constant("abortSignal"), fc.constantFrom({}, "signal", 1, new AbortController())),
        fc.tuple(fc.constant("onProgress"), fc.constantFrom({}, "log", 1)),
      );
      await fc.assert(
        fc.asyncProperty(cases, async ([name, value]) => {
          await refused(h, name, () =>
            h.client.uploadStream(Readable.from(["x"]), "b", "k", { [name]: value }),
          );
        }),
        RUNS,
      );
    });

    it("sends a transfer with any valid settings", async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.record(
            {
              // Above the one-byte body, so each upload is one PutObject.
              multipartThreshold: fc.integer({ min: 2, max: 64 * MiB }),
              partSize: fc.integer({ min: 5 * MiB, max: 5 * 1024 * MiB }),
              concurrency: fc.integer({ min: 1, max: 64 }),
              partAttempts: fc.integer({ min: 1, max: 10 }),
              requestTimeout: fc.integer({ min: 0, max: 600_000 }),
              size: fc.constant(1),
            },
            { requiredKeys: [] },
          ),
          async (options) => {
            await sent(h, () => h.client.uploadStream(Readable.from(["x"]), "b", "k", options));
          },
        ),
        { numRuns: 60 },
      );
    });
  });
});
