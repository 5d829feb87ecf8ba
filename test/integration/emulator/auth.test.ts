import { request as httpRequest } from "node:http";
import { Readable } from "node:stream";

import {
  CreateBucketCommand,
  ListBucketsCommand,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { HttpRequest } from "@smithy/core/protocols";
import { Hash } from "@smithy/core/serde";
import { SignatureV4 } from "@smithy/signature-v4";
import type { HttpRequest as SignedRequest } from "@smithy/types";
import { expect } from "chai";

import { ObjectScaleEmulator } from "../../../lib/testing/index.js";
import { rawRequest } from "./harness.js";
import { serviceFailure as failure } from "../../support/rejection.js";


function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    httpRequest(url, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
    })
      .on("error", reject)
      .end();
  });
}

/** The SDK's own defaults, stated explicitly so the environment cannot override them. */
const SDK_DEFAULT_CHECKSUMS = {
  requestChecksumCalculation: "WHEN_SUPPORTED",
  responseChecksumValidation: "WHEN_SUPPORTED",
} as const;

describe("emulator: SigV4 verification", function () {
  let emu: ObjectScaleEmulator;

  before(async function () {
    emu = await ObjectScaleEmulator.start();
    const s3 = new S3Client(emu.clientConfig());
    await s3.send(new CreateBucketCommand({ Bucket: "auth" }));
    await s3.send(new PutObjectCommand({ Bucket: "auth", Key: "file.txt", Body: "secret data" }));
    s3.destroy();
  });
  after(async function () {
    await emu.stop();
  });

  it("answers a wrong secret with 403 SignatureDoesNotMatch, including the string to sign", async function () {
    const s3 = new S3Client({
      ...emu.clientConfig(),
      credentials: { ...emu.credentials, secretAccessKey: "wrong" },
    });
    const error = await failure(s3.send(new ListBucketsCommand({})));
    expect(error.name).to.equal("SignatureDoesNotMatch");
    expect(error.$metadata.httpStatusCode).to.equal(403);
    expect((error as unknown as { StringToSign?: string }).StringToSign).to.match(/^AWS4-HMAC-SHA256\n/);
    expect(emu.requests.at(-1)?.signature.verdict).to.equal("mismatch");
    s3.destroy();
  });

  it("answers an unknown access key with 403 InvalidAccessKeyId", async function () {
    const s3 = new S3Client({
      ...emu.clientConfig(),
      credentials: { accessKeyId: "nobody", secretAccessKey: "x" },
    });
    const error = await failure(s3.send(new ListBucketsCommand({})));
    expect(error.name).to.equal("InvalidAccessKeyId");
    expect(error.$metadata.httpStatusCode).to.equal(403);
    s3.destroy();
  });

  it("answers an unsigned request with 403 AccessDenied", async function () {
    const response = await rawRequest(emu, { method: "GET", path: "/auth/file.txt", unsigned: true });
    expect(response.status).to.equal(403);
    expect(response.xml().textOf("Code")).to.equal("AccessDenied");
    expect(emu.requests.at(-1)?.signature.verdict).to.equal("anonymous");
  });

  it("refuses an x-emc-* header added after signing", async function () {
    const s3 = new S3Client(emu.clientConfig());
    s3.middlewareStack.add(
      (next) => async (args) => {
        (args.request as { headers: Record<string, string> }).headers["x-emc-namespace"] = "ns1";
        return next(args);
      },
      { step: "finalizeRequest", priority: "low", name: "afterSigning" },
    );
    const error = await failure(s3.send(new ListBucketsCommand({})));
    expect(error.name).to.equal("AccessDenied");
    expect(error.message).to.contain("x-emc-namespace");
    s3.destroy();
  });

  it("checks the payload against x-amz-content-sha256", async function () {
    const signer = new SignatureV4({
      service: "s3",
      region: emu.region,
      credentials: emu.credentials,
      sha256: Hash.bind(null, "sha256"),
      uriEscapePath: false,
    });
    const host = `127.0.0.1:${emu.port}`;
    const signed = await signer.sign(
      new HttpRequest({
        method: "PUT",
        hostname: "127.0.0.1",
        port: emu.port,
        path: "/auth/tampered.txt",
        headers: {
          host,
          "x-amz-content-sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
          "content-length": "3",
        },
      }),
    );
    const status = await new Promise<number>((resolve, reject) => {
      httpRequest(
        {
          host: "127.0.0.1",
          port: emu.port,
          method: "PUT",
          path: "/auth/tampered.txt",
          headers: signed.headers,
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      )
        .on("error", reject)
        .end("abc");
    });
    expect(status).to.equal(400);
    expect(emu.requests.at(-1)?.errorCode).to.equal("XAmzContentSHA256Mismatch");
  });

  it("accepts a presigned GET URL until it expires", async function () {
    const signer = new SignatureV4({
      service: "s3",
      region: emu.region,
      credentials: emu.credentials,
      sha256: Hash.bind(null, "sha256"),
      uriEscapePath: false,
    });
    const presign = (expiresIn: number, signingDate?: Date) =>
      signer.presign(
        new HttpRequest({
          method: "GET",
          hostname: "127.0.0.1",
          port: emu.port,
          path: "/auth/file.txt",
          // what @aws-sdk/s3-request-presigner does: presigned S3 URLs never sign the payload
          headers: { host: `127.0.0.1:${emu.port}`, "x-amz-content-sha256": "UNSIGNED-PAYLOAD" },
        }),
        { expiresIn, signingDate },
      );
    const toUrl = (r: SignedRequest) =>
      `http://127.0.0.1:${emu.port}${r.path}?${Object.entries(r.query ?? {})
        .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
        .join("&")}`;
    const ok = await get(toUrl(await presign(60)));
    expect(ok).to.deep.equal({ status: 200, body: "secret data" });
    expect(emu.requests.at(-1)?.signature.kind).to.equal("query");
    const expired = await get(toUrl(await presign(60, new Date(Date.now() - 120_000))));
    expect(expired.status).to.equal(403);
    expect(expired.body).to.contain("Request has expired");
  });

  it("refuses aws-chunked uploads (the SDK's default flexible checksums), as ECS does", async function () {
    const { requestChecksumCalculation: _r, responseChecksumValidation: _v, ...config } = emu.clientConfig();
    const quiet = { debug() {}, info() {}, warn() {}, error() {} };
    // Explicit, so an AWS_REQUEST_CHECKSUM_CALCULATION in the environment (CI exports one) cannot hide the SDK default.
    const s3 = new S3Client({ ...config, ...SDK_DEFAULT_CHECKSUMS, maxAttempts: 1, logger: quiet });
    const error = await failure(
      s3.send(
        new PutObjectCommand({
          Bucket: "auth",
          Key: "chunked.txt",
          Body: Readable.from([Buffer.from("chunk")]),
          ContentLength: 5,
        }),
      ),
    );
    expect(error.name).to.equal("XAmzContentSHA256Mismatch");
    expect(error.message).to.contain("WHEN_REQUIRED");
    s3.destroy();
  });

  it("verifies the CRC32 the SDK sends by default on a buffered body", async function () {
    const { requestChecksumCalculation: _r, responseChecksumValidation: _v, ...config } = emu.clientConfig();
    const s3 = new S3Client({ ...config, ...SDK_DEFAULT_CHECKSUMS });
    await s3.send(new PutObjectCommand({ Bucket: "auth", Key: "crc.txt", Body: "checked" }));
    expect(emu.requests.at(-1)?.headers["x-amz-checksum-crc32"]).to.be.a("string");
    expect(emu.requests.at(-1)?.status).to.equal(200);
    s3.destroy();
  });
});
