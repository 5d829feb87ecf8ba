import { expect } from "chai";
import { Session } from "../../../lib/Session.js";
import { EventRegistrationError, ValidationError } from "../../../lib/errors.js";
import { objectScale, OBJECTSCALE_SESSION_DEFAULTS } from "../../../resources/objectscale/index.js";
import { WireRecorder } from "../../support/objectScaleTransport.js";

function session(wire = new WireRecorder()) {
  return new Session({
    ...OBJECTSCALE_SESSION_DEFAULTS,
    region: "us-east-1",
    endpoint: "http://ecs.example.com:9020",
    forcePathStyle: true,
    credentials: { accessKeyId: "AKID", secretAccessKey: "secret" },
    maxAttempts: 1,
    sdk: { requestHandler: wire },
  });
}

const ADDED = [
  "listSystemMetadataSearchKeys",
  "listBucketMetadataSearchKeys",
  "disableMetadataSearch",
  "queryObjects",
  "paginateQueryObjects",
  "appendObject",
  "updateObjectRange",
  "overwriteObjectRange",
  "extendRetentionPeriod",
  "setStaleReadAllowed",
  "emptyBucket",
  "getEmptyBucketStatus",
  "ping",
  "listDataNodes",
  "listBucketsPaged",
  "copyRange",
  "enableObjectLock",
];

describe("objectScale()", () => {
  it("applies the documented defaults", () => {
    expect(objectScale().options).to.deep.equal({
      namespace: undefined,
      namespaceAddressing: "header",
      includeOlderVersionsParameter: "include-older-versions",
      replicationGroupHeader: "x-emc-dataservice-vpool",
      queryQuote: "'",
    });
  });

  it("exposes session defaults that make the SDK send checksums only when required", () => {
    expect(objectScale().sessionDefaults).to.deep.equal({
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    });
  });

  it("refuses bad options, naming each", () => {
    const error = (() => {
      try {
        objectScale({
          namespace: "ns 1",
          namespaceAddressing: "dns" as "host",
          replicationGroupHeader: "Vpool",
        });
      } catch (e) {
        return e;
      }
    })();
    expect(error).to.be.instanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.field)).to.deep.equal([
      "namespace",
      "namespaceAddressing",
      "replicationGroupHeader",
    ]);
    expect(() => objectScale({ namespace: "a.b", namespaceAddressing: "host" })).to.throw(
      ValidationError,
      /DNS label/,
    );
  });

  describe(".install()", () => {
    it("adds the ObjectScale methods to the session's S3 clients", () => {
      const s = session();
      objectScale().install(s);
      const client = s.client("s3") as unknown as Record<string, unknown>;
      for (const method of ADDED) expect(client[method], method).to.be.a("function");
    });

    it("is idempotent: installing again registers nothing more", async () => {
      const wire = new WireRecorder();
      const s = session(wire);
      const plugin = objectScale({ namespace: "ns1" });
      plugin.install(s);
      plugin.install(s);
      objectScale({ namespace: "ns1" }).install(s);
      // A second creating-client-class handler would add queryObjects twice: ClassMemberConflictError.
      const client = s.client("s3");
      await client.putObject({ Bucket: "bkt", Key: "k", Body: "x", ObjectScale: { retentionPeriod: 1 } });
      expect(wire.only.headers).to.include({ "x-emc-namespace": "ns1", "x-emc-retention-period": "1" });
    });

    it("registers its handlers under uniqueIds, so they can be removed by id", () => {
      const s = session();
      objectScale().install(s);
      s.events.unregister("creating-client-class.s3", { uniqueId: "objectscale.client-class" });
      expect((s.client("s3") as unknown as Record<string, unknown>)["queryObjects"]).to.equal(undefined);
    });

    it("refuses a second install with other options on the same session", () => {
      const s = session();
      objectScale({ namespace: "ns1" }).install(s);
      expect(() => objectScale({ namespace: "ns2" }).install(s)).to.throw(
        EventRegistrationError,
        /already installed/,
      );
    });

    it("installs independently on two sessions", () => {
      const a = session();
      const b = session();
      objectScale({ namespace: "ns1" }).install(a);
      objectScale({ namespace: "ns2" }).install(b);
      expect((b.client("s3") as unknown as Record<string, unknown>)["queryObjects"]).to.be.a("function");
    });

    it("touches only the session's events: a session without it has no ObjectScale methods", () => {
      const client = session().client("s3") as unknown as Record<string, unknown>;
      expect(client["queryObjects"]).to.equal(undefined);
    });
  });
});
