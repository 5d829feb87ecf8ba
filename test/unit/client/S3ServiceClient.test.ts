import { expect } from "chai";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { S3ServiceException } from "@aws-sdk/client-s3";
import {
  ClassMemberConflictError,
  InvalidClassDefinitionError,
  PaginationError,
  Session,
  UnknownOperationError,
  UnknownServiceError,
  ValidationError,
  WaiterTimeoutError,
  type S3ServiceClient,
} from "../../../index.js";
import { listObjectsV2Xml, StubTransport, stubSessionOptions } from "../../support/stubTransport.js";
import { s3Commands } from "../../../lib/client/s3/operations.js";

declare module "../../../index.js" {
  interface S3ServiceClient {
    /** Added in a test by a creating-client-class handler. */
    greet?(name: string): string;
  }
}

function stubSession(...answers: ConstructorParameters<typeof StubTransport>) {
  const transport = new StubTransport(...answers);
  return { transport, session: new Session(stubSessionOptions(transport)) };
}

describe("S3ServiceClient", () => {
  describe("methods", () => {
    it("has one camelCase method per operation of @aws-sdk/client-s3", () => {
      const { session } = stubSession();
      const client = session.client("s3") as unknown as Record<string, unknown>;
      const ops = Object.keys(s3Commands);
      expect(ops.length).to.be.greaterThan(100);
      for (const op of ops) expect(client[op.charAt(0).toLowerCase() + op.slice(1)], op).to.be.a("function");
    });

    it("exposes the SDK client and the service in meta", () => {
      const { session } = stubSession();
      const client = session.client("s3");
      expect(client.meta.service).to.equal("s3");
      expect(client.meta.sdk.config.forcePathStyle).to.equal(true);
    });

    it("sends the request the SDK would send and returns the parsed output", async () => {
      const { session, transport } = stubSession({ headers: { "content-length": "42", etag: '"abc"' } });
      const out = await session.client("s3").headObject({ Bucket: "b", Key: "a/b.txt" });
      expect(out.ContentLength).to.equal(42);
      expect(out.ETag).to.equal('"abc"');
      expect(transport.requests).to.have.length(1);
      expect(transport.requests[0]).to.include({ method: "HEAD", path: "/b/a/b.txt" });
    });

    it("never mutates the caller's input", async () => {
      const { session } = stubSession();
      session.events.register("provide-client-params.s3.PutObject", ({ params }) => {
        params.ContentType = "text/plain";
      });
      const input = Object.freeze({ Bucket: "b", Key: "k", Body: "x" });
      await session.client("s3").putObject(input);
      expect(input).to.deep.equal({ Bucket: "b", Key: "k", Body: "x" });
    });

    it("raises UnknownOperationError for an operation the client does not have", async () => {
      const { session } = stubSession();
      let error: unknown;
      try {
        await session.client("s3").call("NoSuchOperation" as "HeadObject", { Bucket: "b", Key: "k" });
      } catch (e) {
        error = e;
      }
      expect(UnknownOperationError.is(error)).to.equal(true);
    });
  });

  describe("Session.client()", () => {
    it("builds the client class once per session and fires creating-client-class once", () => {
      const { session } = stubSession();
      let fired = 0;
      session.events.register("creating-client-class.s3", () => {
        fired++;
      });
      const a = session.client("s3");
      const b = session.client("s3");
      expect(fired).to.equal(1);
      expect(Object.getPrototypeOf(a)).to.equal(Object.getPrototypeOf(b));
      expect(a.meta.sdk).to.not.equal(b.meta.sdk);
    });

    it("refuses an unknown service", () => {
      const { session } = stubSession();
      expect(() => session.client("s4" as "s3")).to.throw(UnknownServiceError, /Unknown service "s4"/);
    });

    it("signs with the credentials of a named profile from the shared files", async () => {
      const dir = mkdtempSync(join(tmpdir(), "osr-profile-"));
      const file = join(dir, "credentials");
      writeFileSync(file, "[osr-test]\naws_access_key_id = AKIDPROFILE\naws_secret_access_key = profile-secret\n");
      const saved = process.env["AWS_SHARED_CREDENTIALS_FILE"];
      process.env["AWS_SHARED_CREDENTIALS_FILE"] = file;
      try {
        const transport = new StubTransport();
        const { credentials: _static, ...options } = stubSessionOptions(transport);
        const session = new Session({ ...options, profile: "osr-test" });
        await session.client("s3").headBucket({ Bucket: "b" });
        expect(transport.requests[0]?.headers["authorization"]).to.include("Credential=AKIDPROFILE/");
      } finally {
        if (saved === undefined) delete process.env["AWS_SHARED_CREDENTIALS_FILE"];
        else process.env["AWS_SHARED_CREDENTIALS_FILE"] = saved;
      }
    });

    it("asks a credential provider for credentials", async () => {
      const transport = new StubTransport();
      let asked = 0;
      const session = new Session({
        ...stubSessionOptions(transport),
        credentials: () => {
          asked++;
          return Promise.resolve({ accessKeyId: "AKIDPROVIDED", secretAccessKey: "s" });
        },
      });
      await session.client("s3").headBucket({ Bucket: "b" });
      expect(asked).to.be.greaterThan(0);
      expect(transport.requests[0]?.headers["authorization"]).to.include("Credential=AKIDPROVIDED/");
    });

    it("lets a client override the session's settings", async () => {
      const transport = new StubTransport();
      const session = new Session(stubSessionOptions(transport));
      await session.client("s3", { region: "eu-west-3" }).headBucket({ Bucket: "b" });
      expect(transport.requests[0]?.headers["authorization"]).to.include("/eu-west-3/s3/aws4_request");
    });

    it("does not show secrets when inspected or serialized", async () => {
      const { session } = stubSession();
      const { inspect } = await import("node:util");
      expect(inspect(session)).to.not.include("stub-secret");
      expect(JSON.stringify(session)).to.not.include("stub-secret");
    });
  });

  describe("creating-client-class", () => {
    it("adds methods through classAttributes", () => {
      const { session } = stubSession();
      session.events.register("creating-client-class.s3", ({ classAttributes }) => {
        classAttributes["greet"] = function (this: S3ServiceClient, name: string) {
          return `hello ${name} from ${this.meta.service}`;
        };
      });
      expect(session.client("s3").greet?.("ada")).to.equal("hello ada from s3");
    });

    it("refuses to replace an operation method with ClassMemberConflictError", () => {
      const { session } = stubSession();
      session.events.register("creating-client-class.s3", ({ classAttributes }) => {
        classAttributes["putObject"] = () => "hijacked";
      });
      expect(() => session.client("s3")).to.throw(ClassMemberConflictError, /"putObject" to S3ServiceClient/);
    });

    it("refuses to shadow a member of the base class or to delete a member", () => {
      const { session } = stubSession();
      session.events.register("creating-client-class.s3", ({ classAttributes }) => {
        classAttributes["call"] = () => undefined;
      });
      expect(() => session.client("s3")).to.throw(ClassMemberConflictError, /"call"/);
      const other = stubSession().session;
      other.events.register("creating-client-class.s3", ({ classAttributes }) => {
        delete classAttributes["getObject"];
      });
      expect(() => other.client("s3")).to.throw(ClassMemberConflictError, /cannot be removed/);
    });

    it("copies mixin members and refuses a mixin that redefines one", () => {
      class Greeter {
        greet(this: S3ServiceClient, name: string) {
          return `hi ${name}`;
        }
      }
      const { session } = stubSession();
      session.events.register("creating-client-class.s3", ({ baseClasses }) => {
        baseClasses.push(Greeter);
      });
      expect(session.client("s3").greet?.("bob")).to.equal("hi bob");

      class Clashing {
        headObject() {
          return "mine";
        }
      }
      const other = stubSession().session;
      other.events.register("creating-client-class.s3", ({ baseClasses }) => {
        baseClasses.push(Clashing);
      });
      expect(() => other.client("s3")).to.throw(ClassMemberConflictError, /headObject.*mixin Clashing/);
    });

    it("refuses a base class that does not derive from the default base", () => {
      const { session } = stubSession();
      session.events.register("creating-client-class.s3", ({ baseClasses }) => {
        baseClasses[0] = class NotAClient {};
      });
      expect(() => session.client("s3")).to.throw(InvalidClassDefinitionError, /baseClasses\[0\]/);
    });
  });

  describe("validation", () => {
    it("rejects an empty Key before anything is sent", async () => {
      const { session, transport } = stubSession();
      let error: unknown;
      try {
        await session.client("s3").headObject({ Bucket: "b", Key: "" });
      } catch (e) {
        error = e;
      }
      expect(ValidationError.is(error)).to.equal(true);
      expect((error as ValidationError).issues.map((i) => i.field)).to.deep.equal(["Key"]);
      expect(transport.requests).to.have.length(0);
    });

    it("runs after provide-client-params, so a provided member counts", async () => {
      const { session, transport } = stubSession({ body: listObjectsV2Xml(["a"]) });
      session.events.register("provide-client-params.s3.ListObjectsV2", ({ params }) => ({
        ...params,
        Bucket: "dflt",
      }));
      const out = await session.client("s3").listObjectsV2({});
      expect(out.Contents?.map((c) => c.Key)).to.deep.equal(["a"]);
      expect(transport.requests[0]?.path).to.equal("/dflt/");
    });

    it("can be switched off per session", async () => {
      const transport = new StubTransport();
      const session = new Session({ ...stubSessionOptions(transport), validate: false });
      await session.client("s3").headObject({ Bucket: "b", Key: "" });
      expect(transport.requests[0]?.path).to.equal("/b/");
    });
  });

  describe(".paginate()", () => {
    it("follows continuation tokens and applies pageSize", async () => {
      const { session, transport } = stubSession(
        { body: listObjectsV2Xml(["a", "b"], "t1") },
        { body: listObjectsV2Xml(["c"], "t2") },
        { body: listObjectsV2Xml(["d"]) },
      );
      const keys: string[] = [];
      for await (const page of session
        .client("s3")
        .paginate("ListObjectsV2", { Bucket: "b" }, { pageSize: 2 })) {
        keys.push(...(page.Contents ?? []).map((c) => c.Key!));
      }
      expect(keys).to.deep.equal(["a", "b", "c", "d"]);
      expect(transport.requests.map((r) => r.query["continuation-token"])).to.deep.equal([
        undefined,
        "t1",
        "t2",
      ]);
      expect(transport.requests.every((r) => r.query["max-keys"] === "2")).to.equal(true);
    });

    it("raises PaginationError when the server repeats a token", async () => {
      const { session } = stubSession({ body: listObjectsV2Xml(["a"], "same") });
      let error: unknown;
      try {
        for await (const _ of session.client("s3").paginate("ListObjectsV2", { Bucket: "b" })) {
          /* drain */
        }
      } catch (e) {
        error = e;
      }
      expect(PaginationError.is(error)).to.equal(true);
    });
  });

  describe(".waitFor()", () => {
    it("polls until the object exists", async () => {
      const { session, transport } = stubSession(
        { statusCode: 404 },
        { statusCode: 404 },
        { headers: { etag: '"e"' } },
      );
      const result = await session
        .client("s3")
        .waitFor("ObjectExists", { Bucket: "b", Key: "k" }, { delayMs: 1 });
      expect(result.attempts).to.equal(3);
      expect(result.output?.ETag).to.equal('"e"');
      expect(transport.requests).to.have.length(3);
    });

    it("gives up after maxWaitMs with WaiterTimeoutError", async () => {
      const { session } = stubSession({ statusCode: 404 });
      let error: unknown;
      try {
        await session.client("s3").waitFor("BucketExists", { Bucket: "b" }, { delayMs: 5, maxWaitMs: 30 });
      } catch (e) {
        error = e;
      }
      expect(WaiterTimeoutError.is(error)).to.equal(true);
    });

    it("stops waiting when aborted", async () => {
      const { session } = stubSession({ statusCode: 404 });
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 20);
      let error: unknown;
      try {
        await session
          .client("s3")
          .waitFor("BucketExists", { Bucket: "b" }, { abortSignal: controller.signal });
      } catch (e) {
        error = e;
      }
      expect((error as Error).name).to.equal("AbortError");
    });
  });

  describe("errors from the server", () => {
    it("surface as the SDK's S3ServiceException", async () => {
      const { session } = stubSession({
        statusCode: 404,
        body: "<Error><Code>NoSuchBucket</Code><Message>nope</Message></Error>",
      });
      let error: unknown;
      try {
        await session.client("s3").listObjectsV2({ Bucket: "b" });
      } catch (e) {
        error = e;
      }
      expect(error).to.be.instanceOf(S3ServiceException);
      expect((error as Error).name).to.equal("NoSuchBucket");
    });
  });
});
