import { Readable } from "node:stream";
import { expect } from "chai";
import { ResourceNotLoadedError, UnexpectedResponseError, ValidationError } from "../../../../lib/errors.js";
import { objectScaleResource, rejection, thrown } from "./fixtures.js";

describe("S3Object with the ObjectScale plugin", () => {
  describe(".append()", () => {
    it("sends PUT /{bucket}/{key} with Range: bytes=-1- and returns the append offset", async () => {
      const { s3, wire } = objectScaleResource({ headers: { "x-emc-append-offset": "4096", etag: '"7"' } });
      const obj = s3.Object("b", "app.log");
      expect(await obj.append("line\n")).to.equal(4096);
      const sent = wire.only;
      expect(sent.method).to.equal("PUT");
      expect(sent.path).to.equal("/b/app.log");
      expect(sent.headers["range"]).to.equal("bytes=-1-");
      expect(sent.body).to.equal("line\n");
      expect(sent.signedHeaders).to.include("range");
    });

    it("reads x-emc-previous-object-size from releases that send it instead", async () => {
      const { s3 } = objectScaleResource({ headers: { "x-emc-previous-object-size": "4" } });
      expect(await s3.Object("b", "k").append("x")).to.equal(4);
    });

    it("raises UnexpectedResponseError when the server names no offset (not ObjectScale)", async () => {
      const { s3 } = objectScaleResource({});
      const error = await rejection(s3.Object("b", "k").append("x"));
      expect(UnexpectedResponseError.is(error)).to.equal(true);
      expect(error.message).to.include("s3.Object(bucketName='b', key='k')");
    });

    it("sends contentLength and contentType; passes call options on", async () => {
      const { s3, wire } = objectScaleResource({ headers: { "x-emc-append-offset": "0" } });
      const abort = new AbortController();
      await s3.Object("b", "k").append(Readable.from([Buffer.from("abc")]), {
        contentLength: 3,
        contentType: "text/plain",
        abortSignal: abort.signal,
      });
      expect(wire.only.headers).to.include({ "content-length": "3", "content-type": "text/plain" });
      expect(wire.abortSignals[0]).to.equal(abort.signal);
    });

    it("marks the data stale, keeping it", async () => {
      const { s3 } = objectScaleResource(
        { headers: { "content-length": "5" } },
        { headers: { "x-emc-append-offset": "5" } },
      );
      const obj = await s3.Object("b", "k").load();
      await obj.append("more");
      expect(obj.meta.stale).to.equal(true);
      expect(obj.contentLength).to.equal(5);
    });

    it("refuses a stream without contentLength before sending", async () => {
      const { s3, wire } = objectScaleResource();
      const error = await rejection(s3.Object("b", "k").append(Readable.from([Buffer.from("abc")])));
      expect(error).to.be.instanceOf(ValidationError);
      expect(wire.requests).to.have.length(0);
    });
  });

  describe(".writeRange()", () => {
    it("sends Range: bytes=<offset>-<end> for exactly the body's bytes", async () => {
      const { s3, wire } = objectScaleResource({ headers: { etag: '"8"' } });
      const out = await s3.Object("b", "k").writeRange(10, "HELLO");
      expect(wire.only.method).to.equal("PUT");
      expect(wire.only.headers["range"]).to.equal("bytes=10-14");
      expect(wire.only.body).to.equal("HELLO");
      expect(out.ETag).to.equal('"8"');
    });

    it("refuses a negative offset and an empty body", async () => {
      const { s3, wire } = objectScaleResource();
      expect(await rejection(s3.Object("b", "k").writeRange(-1, "x"))).to.be.instanceOf(ValidationError);
      expect(await rejection(s3.Object("b", "k").writeRange(0, ""))).to.be.instanceOf(ValidationError);
      expect(wire.requests).to.have.length(0);
    });
  });

  describe(".overwriteFrom()", () => {
    it("sends Range: bytes=<offset>- and reads the previous size", async () => {
      const { s3, wire } = objectScaleResource({ headers: { "x-emc-previous-object-size": "12" } });
      const obj = s3.Object("b", "k");
      const out = await obj.overwriteFrom(6, "a new ending", { contentLength: 12 });
      expect(wire.only.headers).to.include({ range: "bytes=6-", "content-length": "12" });
      expect(out.PreviousObjectSize).to.equal(12);
      expect(obj.meta.stale).to.equal(true);
    });
  });

  describe(".extendRetention()", () => {
    it("sends PUT ?retentionUpdate with x-emc-retention-period, no body", async () => {
      const { s3, wire } = objectScaleResource({});
      await s3.Object("b", "k").extendRetention(86_400);
      const sent = wire.only;
      expect([sent.method, sent.path]).to.deep.equal(["PUT", "/b/k"]);
      expect(sent.query).to.deep.equal({ retentionUpdate: "" });
      expect(sent.headers["x-emc-retention-period"]).to.equal("86400");
      expect(sent.signedHeaders).to.include("x-emc-retention-period");
      expect(sent.body).to.equal("");
    });

    it("refuses a period below -1", async () => {
      const { s3 } = objectScaleResource();
      expect(await rejection(s3.Object("b", "k").extendRetention(-2))).to.be.instanceOf(ValidationError);
    });
  });

  describe(".put() with ObjectScale retention", () => {
    it("sends the x-emc-retention-* headers of its ObjectScale member", async () => {
      const { s3, wire } = objectScaleResource({});
      await s3
        .Object("b", "k")
        .put({ Body: "x", ObjectScale: { retentionPeriod: 60, retentionPolicy: "legal" } });
      expect(wire.only.headers).to.include({
        "x-emc-retention-period": "60",
        "x-emc-retention-policy": "legal",
      });
    });
  });

  describe(".objectScale", () => {
    it("reads ObjectScale's response headers of load() (HeadObject)", async () => {
      const { s3 } = objectScaleResource({
        headers: {
          "content-length": "3",
          "x-emc-mtime": "1714557600123",
          "x-emc-retention-period": "60",
          "x-emc-retention-policy": "legal",
        },
      });
      const obj = await s3.Object("b", "k").load();
      expect(obj.objectScale).to.deep.equal({
        mtime: new Date(1714557600123),
        retentionPeriod: 60,
        retentionPolicy: "legal",
      });
      expect(obj.meta.data).to.have.property("ObjectScale");
    });

    it("is undefined when the response had no ObjectScale header", async () => {
      const { s3 } = objectScaleResource({ headers: { "content-length": "3" } });
      expect((await s3.Object("b", "k").load()).objectScale).to.equal(undefined);
    });

    it("throws ResourceNotLoadedError before the data is there", () => {
      const { s3 } = objectScaleResource();
      const error = thrown(() => s3.Object("b", "k").objectScale);
      expect(error).to.be.instanceOf(ResourceNotLoadedError);
      expect(String(error)).to.include("s3.Object(bucketName='b', key='k').objectScale");
    });
  });
});
