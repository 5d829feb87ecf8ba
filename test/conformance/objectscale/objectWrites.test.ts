import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { expect } from "chai";
import { S3ServiceException } from "@aws-sdk/client-s3";
import { address, ADDRESSINGS, errorXml, objectScaleClient } from "../../support/objectScaleTransport.js";

const CHECKSUM_HEADERS = /^(x-amz-checksum-|x-amz-sdk-checksum-algorithm|content-md5$)/;

for (const addressing of ADDRESSINGS) {
  describe(`ObjectScale partial object writes (${addressing}-style)`, () => {
    it("appendObject sends PUT with a signed Range: bytes=-1- and returns x-emc-append-offset", async () => {
      const { client, wire } = objectScaleClient(addressing, [
        { headers: { etag: '"7"', "x-emc-append-offset": "4096" } },
      ]);
      const out = await client.appendObject({
        Bucket: "logs",
        Key: "dir/app log.txt",
        Body: "twelve bytes",
        ContentType: "text/plain",
      });
      const sent = wire.only;
      expect(sent).to.deep.include({
        method: "PUT",
        ...address(addressing, "logs", "dir/app%20log.txt"),
        queryString: "",
        body: "twelve bytes",
      });
      expect(sent.headers).to.include({
        range: "bytes=-1-",
        "content-length": "12",
        "content-type": "text/plain",
      });
      expect(sent.signedHeaders).to.include.members(["range", "host"]);
      expect(Object.keys(sent.headers).filter((h) => CHECKSUM_HEADERS.test(h))).to.deep.equal([]);
      expect(out).to.deep.include({ AppendOffset: 4096, ETag: '"7"' });
    });

    it("appendObject falls back to x-emc-previous-object-size (reference §15.3) and accepts 204", async () => {
      const { client } = objectScaleClient(addressing, [
        { statusCode: 204, headers: { "x-emc-previous-object-size": "4" } },
      ]);
      const out = await client.appendObject({ Bucket: "logs", Key: "k", Body: new Uint8Array([1, 2]) });
      expect(out.AppendOffset).to.equal(4);
    });

    it("appendObject streams a body with the given ContentLength", async () => {
      const { client, wire } = objectScaleClient(addressing, [{ headers: { "x-emc-append-offset": "0" } }]);
      await client.appendObject({
        Bucket: "logs",
        Key: "k",
        Body: Readable.from([Buffer.from("abc")]),
        ContentLength: 3,
      });
      expect(wire.only.headers["content-length"]).to.equal("3");
      expect(wire.only.body).to.equal("abc");
    });

    it("updateObjectRange replaces Offset..Offset+length-1 (Range: bytes=10-14)", async () => {
      const { client, wire } = objectScaleClient(addressing, [
        { headers: { etag: '"24"', "x-emc-previous-object-size": "100" } },
      ]);
      const out = await client.updateObjectRange({ Bucket: "logs", Key: "k", Offset: 10, Body: "HELLO" });
      expect(wire.only.headers).to.include({ range: "bytes=10-14", "content-length": "5" });
      expect(wire.only.signedHeaders).to.include("range");
      expect(out).to.deep.include({ ETag: '"24"', PreviousObjectSize: 100 });
    });

    it("updateObjectRange counts UTF-8 bytes, not characters", async () => {
      const { client, wire } = objectScaleClient(addressing);
      await client.updateObjectRange({ Bucket: "logs", Key: "k", Offset: 0, Body: "é€" });
      expect(wire.only.headers["range"]).to.equal("bytes=0-4");
    });

    it("overwriteObjectRange writes from an offset on (Range: bytes=10-)", async () => {
      const { client, wire } = objectScaleClient(addressing);
      await client.overwriteObjectRange({
        Bucket: "logs",
        Key: "k",
        Offset: 10,
        Body: "tail that grows the object",
      });
      expect(wire.only).to.deep.include({ method: "PUT", ...address(addressing, "logs", "k") });
      expect(wire.only.headers["range"]).to.equal("bytes=10-");
      expect(Object.keys(wire.only.headers).filter((h) => CHECKSUM_HEADERS.test(h))).to.deep.equal([]);
    });

    it("a write under retention raises ObjectUnderRetention as an S3ServiceException", async () => {
      const { client } = objectScaleClient(addressing, [
        { statusCode: 409, body: errorXml("ObjectUnderRetention", "The object is under retention") },
      ]);
      const error = await client
        .appendObject({ Bucket: "logs", Key: "k", Body: "x" })
        .catch((e: unknown) => e);
      expect(error).to.be.instanceOf(S3ServiceException);
      expect(error).to.deep.include({ name: "ObjectUnderRetention", $fault: "client" });
    });

    it("copyRange sends the CopyRangeRequest document with Content-MD5 and x-emc-multipart-copy", async () => {
      const { client, wire } = objectScaleClient(addressing, [{ headers: { etag: '"abc"' } }]);
      const out = await client.copyRange({
        Bucket: "target",
        Key: "joined.bin",
        ContentType: "application/octet-stream",
        CopyMode: "shallow",
        Segments: [
          { Bucket: "src-bucket", Key: "part-0001" },
          {
            Bucket: "src-bucket",
            Key: "part-0002",
            ETag: "9b2cf535f27731c974343645a3985328",
            Range: "0-1023",
          },
        ],
      });
      const sent = wire.only;
      expect(sent).to.deep.include({
        method: "PUT",
        ...address(addressing, "target", "joined.bin"),
        queryString: "",
      });
      expect(sent.body).to.equal(
        '<?xml version="1.0" encoding="UTF-8"?>' +
          '<CopyRangeRequest xmlns="http://s3.amazonaws.com/doc/2006-03-01/">' +
          "<ContentType>application/octet-stream</ContentType><Segments>" +
          "<Segment><Path>src-bucket/part-0001</Path><Range>0-</Range></Segment>" +
          "<Segment><Path>src-bucket/part-0002</Path><Etag>9b2cf535f27731c974343645a3985328</Etag><Range>0-1023</Range></Segment>" +
          "</Segments></CopyRangeRequest>",
      );
      expect(sent.headers).to.include({
        "content-type": "application/xml",
        "content-md5": createHash("md5").update(sent.body).digest("base64"),
        "x-emc-multipart-copy": "true",
        "x-emc-copy-mode": "shallow",
      });
      expect(sent.signedHeaders).to.include.members([
        "content-md5",
        "x-emc-multipart-copy",
        "x-emc-copy-mode",
      ]);
      expect(out.ETag).to.equal('"abc"');
    });

    it("copyRange escapes XML in keys", async () => {
      const { client, wire } = objectScaleClient(addressing);
      await client.copyRange({ Bucket: "t", Key: "k", Segments: [{ Bucket: "src", Key: "a<&>b" }] });
      expect(wire.only.body).to.include("<Path>src/a&lt;&amp;&gt;b</Path>");
    });
  });
}
