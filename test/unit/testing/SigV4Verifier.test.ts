import { expect } from "chai";

import {
  canonicalQuery,
  canonicalRequest,
  canonicalUri,
  sign,
  signingKey,
  stringToSign,
  type SignableRequest,
} from "../../../lib/testing/auth/canonical.js";
import { verifySigV4 } from "../../../lib/testing/auth/SigV4Verifier.js";

// The examples of the AWS S3 documentation ("Signature Calculations for the Authorization Header:
// Transferring Payload in a Single Chunk", and "Authenticating Requests: Using Query Parameters").
const ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";
const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const SIGNED_AT = Date.UTC(2013, 4, 24);
const HOST = "examplebucket.s3.amazonaws.com";

function request(
  method: string,
  target: string,
  headers: Record<string, string>,
  signature?: string,
): SignableRequest {
  const question = target.indexOf("?");
  const map = new Map<string, string[]>(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), [v]]));
  if (signature !== undefined) {
    const signed = [...map.keys()].sort().join(";");
    map.set("authorization", [
      `AWS4-HMAC-SHA256 Credential=${ACCESS_KEY}/20130524/us-east-1/s3/aws4_request,SignedHeaders=${signed},Signature=${signature}`,
    ]);
  }
  return {
    method,
    rawPath: question < 0 ? target : target.slice(0, question),
    rawQuery: question < 0 ? "" : target.slice(question + 1),
    headers: map,
  };
}

const getObject = (signature: string, extra: Record<string, string> = {}) =>
  request(
    "GET",
    "/test.txt",
    {
      host: HOST,
      range: "bytes=0-9",
      "x-amz-content-sha256": EMPTY_SHA256,
      "x-amz-date": "20130524T000000Z",
      ...extra,
    },
    signature,
  );

const options = (secret = SECRET, now = SIGNED_AT) => ({
  secretFor: (id: string) => (id === ACCESS_KEY ? secret : undefined),
  now,
  maxSkewMs: 15 * 60_000,
});

describe("SigV4Verifier", function () {
  describe("the AWS S3 GET example (Range: bytes=0-9)", function () {
    const expected = "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41";

    it("rebuilds the documented canonical request and signature from the specification", function () {
      const req = getObject(expected);
      const signedHeaders = ["host", "range", "x-amz-content-sha256", "x-amz-date"];
      const canonical = canonicalRequest(req, signedHeaders, EMPTY_SHA256);
      expect(canonical).to.equal(
        [
          "GET",
          "/test.txt",
          "",
          `host:${HOST}`,
          "range:bytes=0-9",
          `x-amz-content-sha256:${EMPTY_SHA256}`,
          "x-amz-date:20130524T000000Z",
          "",
          signedHeaders.join(";"),
          EMPTY_SHA256,
        ].join("\n"),
      );
      const toSign = stringToSign("20130524T000000Z", "20130524/us-east-1/s3/aws4_request", canonical);
      expect(toSign.split("\n")[3]).to.equal(
        "7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972",
      );
      expect(sign(signingKey(SECRET, "20130524", "us-east-1", "s3"), toSign)).to.equal(expected);
    });

    it("accepts the documented request", function () {
      const result = verifySigV4(getObject(expected), options());
      expect(result.verdict, result.reason).to.equal("valid");
      expect(result.payloadHash).to.equal(EMPTY_SHA256);
      expect(result.accessKeyId).to.equal(ACCESS_KEY);
    });

    it("reports a wrong secret as a mismatch, with the string to sign", function () {
      const result = verifySigV4(getObject(expected), options("not-the-secret"));
      expect(result.verdict).to.equal("mismatch");
      expect(result.stringToSign).to.contain("20130524/us-east-1/s3/aws4_request");
    });

    it("reports a header changed after signing as a mismatch", function () {
      const tampered = getObject(expected);
      (tampered.headers as Map<string, string[]>).set("range", ["bytes=0-99"]);
      expect(verifySigV4(tampered, options()).verdict).to.equal("mismatch");
    });

    it("reports an access key nobody has", function () {
      const result = verifySigV4(getObject(expected), { ...options(), secretFor: () => undefined });
      expect(result.verdict).to.equal("unknown-key");
    });

    it("refuses a request signed too long ago", function () {
      expect(verifySigV4(getObject(expected), options(SECRET, SIGNED_AT + 16 * 60_000)).verdict).to.equal(
        "skewed",
      );
    });

    it("refuses x-emc-* headers that were added after signing", function () {
      const req = getObject(expected);
      (req.headers as Map<string, string[]>).set("x-emc-namespace", ["ns1"]);
      const result = verifySigV4(req, options());
      expect(result.verdict).to.equal("unsigned-headers");
      expect(result.reason).to.contain("x-emc-namespace");
    });

    it("calls a request without any signature anonymous", function () {
      const req = request("GET", "/test.txt", { host: HOST });
      expect(verifySigV4(req, options()).verdict).to.equal("anonymous");
    });
  });

  it("reproduces the AWS PUT example (a '$' in the key, a signed Date header)", function () {
    const req = request(
      "PUT",
      "/test$file.text",
      {
        host: HOST,
        date: "Fri, 24 May 2013 00:00:00 GMT",
        "x-amz-date": "20130524T000000Z",
        "x-amz-storage-class": "REDUCED_REDUNDANCY",
        "x-amz-content-sha256": "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072",
      },
      "98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd",
    );
    const result = verifySigV4(req, options());
    expect(result.verdict, result.canonicalRequest).to.equal("valid");
    expect(result.canonicalRequest?.split("\n")[1]).to.equal("/test%24file.text");
  });

  it("reproduces the AWS GET ?lifecycle example (a value-less sub-resource signs as lifecycle=)", function () {
    const req = request(
      "GET",
      "/?lifecycle",
      { host: HOST, "x-amz-date": "20130524T000000Z", "x-amz-content-sha256": EMPTY_SHA256 },
      "fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543",
    );
    const result = verifySigV4(req, options());
    expect(result.verdict).to.equal("valid");
    expect(result.canonicalRequest?.split("\n")[2]).to.equal("lifecycle=");
  });

  it("reproduces the AWS list-objects example (query parameters sorted by name)", function () {
    const req = request(
      "GET",
      "/?max-keys=2&prefix=J",
      { host: HOST, "x-amz-date": "20130524T000000Z", "x-amz-content-sha256": EMPTY_SHA256 },
      "34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7",
    );
    expect(verifySigV4(req, options()).verdict).to.equal("valid");
  });

  describe("presigned URLs", function () {
    const target =
      "/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request" +
      "&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host" +
      "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404";

    it("reproduces the AWS presigned GET example", function () {
      const result = verifySigV4(request("GET", target, { host: HOST }), options());
      expect(result.verdict, result.canonicalRequest).to.equal("valid");
      expect(result.kind).to.equal("query");
    });

    it("refuses it once expired", function () {
      const result = verifySigV4(
        request("GET", target, { host: HOST }),
        options(SECRET, SIGNED_AT + 86_401_000),
      );
      expect(result.verdict).to.equal("expired");
    });
  });

  describe("canonical forms", function () {
    it("encodes each path segment once, per RFC 3986, keeping an encoded slash encoded", function () {
      expect(canonicalUri("/b/a%20b/c%2Fd/%E2%9C%93!")).to.equal("/b/a%20b/c%2Fd/%E2%9C%93%21");
      expect(canonicalUri("")).to.equal("/");
    });

    it("sorts the query by encoded name, then value, and signs bare names with an empty value", function () {
      expect(canonicalQuery("query=Size%3E3&attributes=A,B&searchmetadata&a=2&a=1")).to.equal(
        "a=1&a=2&attributes=A%2CB&query=Size%3E3&searchmetadata=",
      );
    });
  });
});
