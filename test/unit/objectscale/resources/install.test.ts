import { expect } from "chai";
import type { MetadataBearer } from "@smithy/types";
import { getResourceMetadata } from "../../../../decorators/resource.js";
import { registerPagination } from "../../../../lib/client/s3/paginators.js";
import { ClassMemberConflictError, EventRegistrationError } from "../../../../lib/errors.js";
import { Session } from "../../../../lib/Session.js";
import type { Bucket, S3Object, S3ServiceResource } from "../../../../resources/s3/index.js";
import { s3ResourceDefinitions } from "../../../../resources/s3/index.js";
import {
  objectScale,
  searchKey,
  type ListDataNodesOutput,
  type ObjectRangeWriteOutput,
  type ObjectScaleObjectData,
  type PingOutput,
  type QueryObjectsOutput,
} from "../../../../resources/objectscale/index.js";
import { WireRecorder } from "../../../support/objectScaleTransport.js";
import { thrown } from "./fixtures.js";

const ADDED = {
  Bucket: [
    "queryObjects",
    "metadataSearchKeys",
    "setStaleReadAllowed",
    "empty",
    "emptyStatus",
    "disableMetadataSearch",
  ],
  Object: ["append", "writeRange", "overwriteFrom", "extendRetention", "objectScale"],
  ServiceResource: ["ping", "dataNodes", "systemMetadataSearchKeys"],
} as const;

function session(...plugins: ReturnType<typeof objectScale>[]) {
  return new Session({
    region: "us-east-1",
    endpoint: "http://ecs.example.com:9020",
    forcePathStyle: true,
    credentials: { accessKeyId: "AKID", secretAccessKey: "secret" },
    sdk: { requestHandler: new WireRecorder() },
    plugins,
  });
}

function membersOf(s3: S3ServiceResource) {
  return {
    Bucket: s3.Bucket("b") as unknown as Record<string, unknown>,
    Object: s3.Object("b", "k") as unknown as Record<string, unknown>,
    ServiceResource: s3 as unknown as Record<string, unknown>,
  };
}

describe("ObjectScale resource methods: installing", () => {
  it("adds each method to the resource classes of sessions with the plugin", () => {
    const built = membersOf(session(objectScale()).resource("s3"));
    for (const type of ["Bucket", "ServiceResource"] as const) {
      for (const name of ADDED[type]) expect(built[type][name], `${type}.${name}`).to.be.a("function");
    }
    for (const name of ADDED.Object.filter((n) => n !== "objectScale")) {
      expect(built.Object[name], `Object.${name}`).to.be.a("function");
    }
    const getter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(built.Object), "objectScale");
    expect(typeof getter?.get, "Object.objectScale getter").to.equal("function");
  });

  it("leaves them absent without the plugin", () => {
    const built = membersOf(session().resource("s3"));
    for (const type of Object.keys(ADDED) as Array<keyof typeof ADDED>) {
      for (const name of ADDED[type]) expect(name in built[type], `${type}.${name}`).to.equal(false);
    }
  });

  it("builds every class of the real S3 model without a member clash", () => {
    const s3 = session(objectScale()).resource("s3") as unknown as Record<
      string,
      (...ids: string[]) => unknown
    >;
    for (const definition of s3ResourceDefinitions) {
      const { name = "", identifiers = [] } = getResourceMetadata(definition) ?? {};
      if (name === "ServiceResource") continue;
      expect(() => s3[name]!(...identifiers.map(() => "x")), name).to.not.throw();
    }
  });

  it("refuses to replace a member another handler added first, naming it", () => {
    const s = session(objectScale());
    s.events.registerFirst("creating-resource-class.s3.Object", ({ classAttributes }) => {
      classAttributes["append"] = () => "mine";
    });
    const error = thrown(() => s.resource("s3").Object("b", "k"));
    expect(error).to.be.instanceOf(ClassMemberConflictError);
    expect(String(error)).to.include("append");
  });

  it("is idempotent, and its handlers can be removed by uniqueId", () => {
    const plugin = objectScale();
    const s = session(plugin);
    plugin.install(s); // a second registration would add the methods twice: ClassMemberConflictError
    s.events.unregister("creating-resource-class.s3.Bucket", {
      uniqueId: "objectscale.resource-class.Bucket",
    });
    const s3 = s.resource("s3");
    expect("queryObjects" in s3.Bucket("b")).to.equal(false);
    expect(typeof s3.Object("b", "k").append).to.equal("function");
  });
});

describe("registerPagination()", () => {
  it("accepts the same spec again and refuses another one", () => {
    registerPagination("QueryObjects", { tokens: { Marker: "NextMarker" }, limit: "MaxKeys" });
    expect(() =>
      registerPagination("QueryObjects", { tokens: { Marker: "Next" }, limit: "MaxKeys" }),
    ).to.throw(EventRegistrationError, /QueryObjects already pages/);
    expect(() =>
      registerPagination("ListObjectsV2", { tokens: { Marker: "NextMarker" }, limit: "MaxKeys" }),
    ).to.throw(EventRegistrationError);
  });
});

/** Compile-time checks: tsc fails when an `@ts-expect-error` line compiles. Never called. */
export async function resourceTypeChecks(
  s3: S3ServiceResource,
  bucket: Bucket,
  obj: S3Object,
): Promise<void> {
  for await (const match of bucket.queryObjects(searchKey("Size").gt(1), { Sorted: "Size" }).limit(5)) {
    const item: S3Object = match;
    const data: ObjectScaleObjectData | undefined = item.objectScale;
    void data?.match?.SystemMetadata;
  }
  for await (const page of bucket.queryObjects("Size>0").pages()) {
    const output: QueryObjectsOutput = page.output;
    void output.NextMarker;
  }
  await bucket.queryObjects("Size>0").delete({}, { concurrency: 2 });
  await bucket.queryObjects("Size>0").filter({ Prefix: "tmp/" }).limit(10).delete();
  // @ts-expect-error -- the filter cannot carry the bucket
  bucket.queryObjects("Size>0", { Bucket: "other" });
  // @ts-expect-error -- a query is a string or a MetadataQuery
  bucket.queryObjects(42);
  const offset: number = await obj.append("x", { contentType: "text/plain" });
  void offset;
  const written: ObjectRangeWriteOutput = await obj.writeRange(0, new Uint8Array(1));
  void written;
  // @ts-expect-error -- the offset comes first
  await obj.overwriteFrom("x", 0);
  const kept: MetadataBearer = await obj.extendRetention(60);
  void kept;
  await obj.put({ Body: "x", ObjectScale: { retentionPeriod: 60 } });
  // @ts-expect-error -- not an ObjectScale option of PutObject
  await obj.put({ Body: "x", ObjectScale: { metadataSearch: [] } });
  const created: Bucket = await s3.createBucket({
    Bucket: "b",
    ObjectScale: { metadataSearch: [{ key: "Size" }] },
  });
  void created;
  await bucket.setStaleReadAllowed(true);
  // @ts-expect-error -- a boolean
  await bucket.setStaleReadAllowed("yes");
  const pinged: PingOutput = await s3.ping("10.0.0.1:9021");
  const nodes: ListDataNodesOutput = await s3.dataNodes();
  void [pinged, nodes];
}
