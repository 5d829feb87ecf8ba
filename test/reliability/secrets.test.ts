/**
 * Secret access keys and session tokens never show: not in messages, logs, `util.inspect` (to any
 * depth, hidden members included), `JSON.stringify` or `toJSON()` of sessions, clients, resources,
 * and the errors any of them throw (SDK errors with `$metadata` / `$response`, transfer errors
 * with causes, validation errors for the credentials themselves).
 */
import { Readable } from "node:stream";
import { inspect } from "node:util";
import { expect } from "chai";
import { Session, type SessionOptions } from "../../lib/Session.js";
import { ValidationError } from "../../lib/errors.js";
import { ObjectScaleEmulator } from "../../lib/testing/index.js";
import { objectScale, searchKey } from "../../resources/objectscale/index.js";
import { rejection } from "../support/rejection.js";
import { StubTransport, stubSessionOptions } from "../support/stubTransport.js";

/** Recognisable fake secrets; the emulator is given SECRET as its own key so requests are valid. */
const SECRET = "FAKEsecretKEY/0123456789+abcdefghijXYZ01";
const TOKEN = "FAKEsessionTOKEN//abcdefghijklmnopqrstuvwxyz0123456789==";
const OTHER_SECRET = "WRONGsecretKEY/9876543210+zyxwvutsrqpo99";
const SECRETS = [SECRET, TOKEN, OTHER_SECRET];

/** Every rendering a value can get in a log or a bug report. */
function renderings(value: unknown): Record<string, string> {
  const out: Record<string, string> = {
    "inspect()": inspect(value),
    "inspect(depth: Infinity)": inspect(value, { depth: Infinity }),
    "inspect(showHidden, getters, depth: Infinity)": inspect(value, {
      depth: Infinity,
      showHidden: true,
      getters: true,
    }),
    "String()": safe(() => String(value)),
    "JSON.stringify()": safe(() => JSON.stringify(value) ?? ""),
  };
  const toJSON = (value as { toJSON?: () => unknown } | null)?.toJSON;
  if (typeof toJSON === "function") out["toJSON()"] = inspect(toJSON.call(value), { depth: Infinity });
  if (value instanceof Error) {
    out["message"] = value.message;
    out["stack"] = value.stack ?? "";
  }
  return out;
}

function safe(render: () => string): string {
  try {
    return render();
  } catch (error) {
    return `threw ${inspect(error, { depth: Infinity, showHidden: true })}`;
  }
}

/** Fails naming the rendering and the secret when any rendering of `value` holds one. */
function expectNoSecrets(value: unknown, what: string): void {
  for (const [how, text] of Object.entries(renderings(value))) {
    for (const secret of SECRETS) {
      expect(text.includes(secret), `${what}: ${how} shows ${secret.slice(0, 12)}…`).to.equal(false);
    }
  }
}

describe("Secrets never show in renderings of sessions, clients, resources and errors", function () {
  this.timeout(30_000);
  let emu: ObjectScaleEmulator;
  /** Everything the SDK logged, through the `logger` session option. */
  const logged: unknown[] = [];
  const logger = {
    trace: (...a: unknown[]) => logged.push(a),
    debug: (...a: unknown[]) => logged.push(a),
    info: (...a: unknown[]) => logged.push(a),
    warn: (...a: unknown[]) => logged.push(a),
    error: (...a: unknown[]) => logged.push(a),
  };
  let options: SessionOptions;
  let session: Session;

  before(async () => {
    emu = await ObjectScaleEmulator.start({
      credentials: { accessKeyId: "AKIDRELIABILITY", secretAccessKey: SECRET },
    });
    options = {
      endpoint: emu.endpoint,
      region: emu.region,
      forcePathStyle: true,
      maxAttempts: 1,
      credentials: { accessKeyId: "AKIDRELIABILITY", secretAccessKey: SECRET, sessionToken: TOKEN },
      sdk: { logger },
      plugins: [objectScale({ namespace: "ns1" })],
    };
    session = new Session(options);
    await session.client("s3").createBucket({ Bucket: "secrets" });
    await session.client("s3").putObject({ Bucket: "secrets", Key: "a.txt", Body: "a" });
  });
  after(() => emu.stop());

  it("the detector itself finds a secret wherever it is hidden (so the checks below can fail)", () => {
    const hidden = {};
    Object.defineProperty(hidden, "deep", { value: { deeper: { deepest: [TOKEN] } }, enumerable: false });
    expect(() => expectNoSecrets(hidden, "probe")).to.throw(/showHidden/);
    expect(() => expectNoSecrets(new Error(`x ${SECRET}`), "probe")).to.throw(/probe: .* shows FAKEsecretKE/);
  });

  it("a session, its clients and their meta", () => {
    expectNoSecrets(session, "session");
    const client = session.client("s3");
    expectNoSecrets(client, "client");
    expectNoSecrets(client.meta, "client.meta");
    expect(JSON.parse(JSON.stringify(client))).to.deep.equal({ service: "s3", validate: true });
    expectNoSecrets(
      session.client("s3", { credentials: { accessKeyId: "AKID2", secretAccessKey: OTHER_SECRET } }),
      "client with own credentials",
    );
  });

  it("a session whose endpoint URL carries a password", () => {
    const s = new Session({
      ...options,
      endpoint: `http://user:${encodeURIComponent(OTHER_SECRET)}@127.0.0.1:9`,
    });
    expectNoSecrets(s, "session");
    expect(s.toJSON().endpoint).to.equal("http://127.0.0.1:9/");
  });

  it("resources, collections and loaded resources", async () => {
    const s3 = session.resource("s3");
    const bucket = s3.Bucket("secrets");
    const object = bucket.Object("a.txt");
    await object.load();
    const summaries = [];
    for await (const summary of bucket.objects.all()) summaries.push(summary);
    const queried = bucket.queryObjects(searchKey("Size").gt(0));
    for (const [what, value] of Object.entries({
      s3,
      bucket,
      object,
      summaries,
      collection: bucket.objects,
      queried,
    })) {
      expectNoSecrets(value, what);
    }
  });

  it("SDK service errors, with $metadata and the hidden $response, and what the SDK logged", async () => {
    const client = session.client("s3");
    const errors = [
      await rejection(client.getObject({ Bucket: "secrets", Key: "missing" })),
      await rejection(client.headObject({ Bucket: "secrets", Key: "missing" })),
      await rejection(client.queryObjects({ Bucket: "no-such-bucket", Query: "Size>0" })),
      await rejection(session.resource("s3").Object("secrets", "missing").load()),
    ];
    for (const error of errors) {
      expect(error).to.have.property("$metadata");
      expect((error as { $response?: { statusCode?: number } }).$response?.statusCode).to.be.a("number");
      expectNoSecrets(error, `${error.name} error`);
    }
    expect(logged.length, "the SDK logged the calls").to.be.greaterThan(0);
    expectNoSecrets(logged, "SDK log");
  });

  it("SignatureDoesNotMatch, whose members echo the canonical request with the session token", async () => {
    const wrong = new Session({
      ...options,
      credentials: { accessKeyId: "AKIDRELIABILITY", secretAccessKey: OTHER_SECRET, sessionToken: TOKEN },
    });
    const error = await rejection(wrong.client("s3").putObject({ Bucket: "secrets", Key: "b", Body: "b" }));
    expect(error.name).to.equal("SignatureDoesNotMatch");
    expect(String(error["CanonicalRequest"]), "the echo is still there, redacted").to.include("[redacted]");
    expectNoSecrets(error, "SignatureDoesNotMatch");
  });

  it("network errors, and transfer errors with their causes", async () => {
    const down = new Session({ ...options, endpoint: "http://127.0.0.1:9" });
    expectNoSecrets(
      await rejection(down.client("s3").headBucket({ Bucket: "secrets" })),
      "connection refused",
    );
    const transfer = await rejection(
      session.client("s3").uploadStream(Readable.from(["x"]), "no-such-bucket", "k"),
    );
    expect(transfer.name).to.equal("TransferError");
    expectNoSecrets(transfer, "TransferError");
  });

  it("errors of a stub transport's 500 answer (no real response body)", async () => {
    const stub = new StubTransport({ statusCode: 500, body: "<Error><Code>InternalError</Code></Error>" });
    const s = new Session({
      ...stubSessionOptions(stub),
      maxAttempts: 1,
      credentials: { accessKeyId: "AKID", secretAccessKey: SECRET, sessionToken: TOKEN },
    });
    const error = await rejection(s.client("s3").headBucket({ Bucket: "b" }));
    expect(stub.requests).to.have.length(1);
    expectNoSecrets(error, "500");
  });

  it("validation errors for credential fields name the field and never the value", () => {
    const bad: Array<[string, unknown]> = [
      ["credentials.secretAccessKey", { accessKeyId: "AKID", secretAccessKey: `${SECRET}\n` }],
      ["credentials.secretAccessKey", { accessKeyId: "AKID", secretAccessKey: ` ${SECRET}` }],
      [
        "credentials.sessionToken",
        { accessKeyId: "AKID", secretAccessKey: SECRET, sessionToken: `${TOKEN}\r\n` },
      ],
      ["credentials.secretAccessKey", { accessKeyId: "AKID", secretAccessKey: "" }],
      ["credentials.accessKeyId", { secretAccessKey: SECRET }],
      ["credentials.expiration", { accessKeyId: "AKID", secretAccessKey: SECRET, expiration: new Date(NaN) }],
      ["credentials", SECRET],
    ];
    for (const [field, credentials] of bad) {
      for (const make of [
        () => new Session({ ...options, credentials: credentials as never }),
        () => session.client("s3", { credentials: credentials as never }),
      ]) {
        let error: unknown;
        try {
          make();
        } catch (caught) {
          error = caught;
        }
        expect(ValidationError.is(error), `${field}: ${String(error)}`).to.equal(true);
        expect((error as ValidationError).issues.map((i) => i.field)).to.include(field);
        expectNoSecrets(error, `ValidationError for ${field}`);
      }
    }
  });

  it("the emulator's request log", () => {
    const withToken = emu.requests.filter((r) => r.headers["x-amz-security-token"] !== undefined);
    expect(withToken.length, "requests were sent with a session token").to.be.greaterThan(0);
    expectNoSecrets(emu.requests, "emulator request log");
  });
});
