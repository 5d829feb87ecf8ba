import { expect } from "chai";
import type { HttpRequest } from "@smithy/types";
import { ResourceNotFoundError, ResourceNotLoadedError, Session, ValidationError } from "../../../index.js";
import { StubTransport, stubSessionOptions } from "../../support/stubTransport.js";
import { answer, stubSession, testDefinitions, type TService, type TSummary } from "./fixtures.js";
import { rejection } from "../../support/rejection.js";

const HEAD_OBJECT = {
  headers: {
    "content-length": "5",
    etag: '"abc"',
    "last-modified": "Thu, 01 Jan 2026 00:00:00 GMT",
    "x-amz-meta-owner": "me",
    "x-amz-version-id": "v1",
  },
};

/** A stub transport that refuses requests whose abort signal has fired, as the SDK's handlers do. */
class AbortAwareTransport extends StubTransport {
  override handle(request: HttpRequest, options?: { abortSignal?: AbortSignal }) {
    if (options?.abortSignal?.aborted)
      return Promise.reject(Object.assign(new Error("aborted"), { name: "AbortError" }));
    return super.handle(request);
  }
}

describe("attributes and load()", () => {
  it("throw ResourceNotLoadedError before the data is loaded, saying to call load()", () => {
    const object = stubSession().s3.Bucket("b").Obj("k");
    expect(() => object.contentLength).to.throw(
      ResourceNotLoadedError,
      "s3.Obj(bucketName='b', key='k').contentLength is not loaded: call `await resource.load()` first",
    );
  });

  it("say so when the type cannot load at all, and load() refuses", async () => {
    const version = stubSession().s3.Ver("b", "k", "v1");
    expect(() => version.size).to.throw(ResourceNotLoadedError, "has no load operation");
    const error = await rejection(version.load());
    expect(ResourceNotLoadedError.is(error)).to.equal(true);
    expect(error.message).to.include(
      "s3.Ver(bucketName='b', objectKey='k', id='v1').load() is not available",
    );
  });

  it("return the identifier for a memberName alias, loaded or not", () => {
    expect(stubSession().s3.Ver("b", "k", "v1").versionId).to.equal("v1");
  });

  it("load through the client, with every request event, and read the response", async () => {
    const { s3, session, transport } = stubSession(HEAD_OBJECT);
    const calls: string[] = [];
    session.events.register("after-call.s3", ({ operation }) => void calls.push(operation));
    const object = s3.Bucket("b").Obj("a/k.txt");
    expect(await object.load()).to.equal(object);
    expect(transport.requests).to.have.length(1);
    expect(transport.requests[0]).to.include({ method: "HEAD", path: "/b/a/k.txt" });
    expect(calls).to.deep.equal(["HeadObject"]);
    expect(object.contentLength).to.equal(5);
    expect(object.eTag).to.equal('"abc"');
    expect(object.lastModified).to.deep.equal(new Date("2026-01-01T00:00:00Z"));
    expect(object.metadata).to.deep.equal({ owner: "me" });
    expect(object.meta.data).not.to.have.property("$metadata");
  });

  it("reload() requests again and replaces the data", async () => {
    const { s3, transport } = stubSession(HEAD_OBJECT, {
      headers: { ...HEAD_OBJECT.headers, "content-length": "9" },
    });
    const object = s3.Bucket("b").Obj("k");
    await object.load();
    await object.reload();
    expect(transport.requests).to.have.length(2);
    expect(object.contentLength).to.equal(9);
  });

  it("picks the list element matching the identifiers (path + match)", async () => {
    const { s3, session } = stubSession();
    answer(session, "ListBuckets", {
      Buckets: [
        { Name: "other", CreationDate: new Date(1) },
        { Name: "logs", CreationDate: new Date(2), BucketRegion: "eu-west-1" },
      ],
    });
    const bucket = await s3.Bucket("logs").load();
    expect(bucket.creationDate).to.deep.equal(new Date(2));
    expect(bucket.bucketRegion).to.equal("eu-west-1");
    expect(bucket.meta.data).to.deep.equal({
      Name: "logs",
      CreationDate: new Date(2),
      BucketRegion: "eu-west-1",
    });
  });

  it("throws ResourceNotFoundError when no element matches", async () => {
    const { s3, session } = stubSession();
    answer(session, "ListBuckets", { Buckets: [{ Name: "other" }] });
    const bucket = s3.Bucket("logs");
    const error = await rejection(bucket.load());
    expect(ResourceNotFoundError.is(error)).to.equal(true);
    expect(error.message).to.equal(
      "s3.Bucket(name='logs') was not found: ListBuckets returned no Buckets element with Name = \"logs\" (1 element(s) listed)",
    );
    expect(bucket.meta.data).to.equal(undefined);
  });

  it("checks identifiers the request does not carry before sending it (checkAs)", async () => {
    const transport = new StubTransport();
    const s3 = new Session(stubSessionOptions(transport)).resource("s3");
    const error = await rejection(s3.Bucket("no spaces allowed").load());
    expect(ValidationError.is(error)).to.equal(true);
    expect((error as unknown as ValidationError).issues.map((issue) => issue.field)).to.deep.equal(["name"]);
    expect(error.message).to.include("s3.Bucket(name='no spaces allowed') load()");
    expect(transport.requests).to.have.length(0);
    // validation off: the request goes out, and the server's answer decides
    const unchecked = new Session({ ...stubSessionOptions(transport), validate: false }).resource("s3");
    await rejection(unchecked.Bucket("no spaces allowed").load());
    expect(transport.requests.map((r) => r.method)).to.deep.equal(["GET"]);
  });

  it("renames members on the way in (rename)", async () => {
    const { s3 } = stubSession(HEAD_OBJECT);
    const loaded = await (s3 as unknown as { Summary(...ids: string[]): TSummary }).Summary("b", "k").load();
    expect(loaded.size).to.equal(5);
    expect(loaded.eTag).to.equal('"abc"');
    expect(loaded.meta.data).not.to.have.property("ContentLength");
  });

  it("passes the AbortSignal to the request; an aborted load leaves the data as it was", async () => {
    const transport = new AbortAwareTransport(HEAD_OBJECT);
    const session = new Session({ ...stubSessionOptions(transport), resourceDefinitions: testDefinitions });
    const object = (session.resource("s3") as unknown as TService).Bucket("b").Obj("k");
    await object.load();
    const error = await rejection(object.load({ abortSignal: AbortSignal.abort() }));
    expect(error.name).to.equal("AbortError");
    expect(transport.requests).to.have.length(1); // the SDK saw the signal and sent nothing
    expect(object.contentLength).to.equal(5);
  });
});
