import { HttpResponse } from "@smithy/core/protocols";
import type { HttpRequest } from "@smithy/types";
import { expect } from "chai";
import { Readable } from "node:stream";
import { Session } from "../../../index.js";
import { StubTransport, stubSessionOptions } from "../../support/stubTransport.js";

/**
 * A transport that reads each request body like a socket would, then answers: the first `failures`
 * attempts break after `breakAfter` bytes with a connection reset (which the SDK retries).
 */
class ReadingTransport extends StubTransport {
  readonly received: number[] = [];
  #failures: number;
  readonly #breakAfter: number;

  constructor(failures: number, breakAfter: number) {
    super();
    this.#failures = failures;
    this.#breakAfter = breakAfter;
  }

  override async handle(request: HttpRequest): Promise<{ response: HttpResponse }> {
    let bytes = 0;
    const body: unknown = request.body;
    if (body instanceof Readable) {
      for await (const piece of body as AsyncIterable<Buffer>) {
        bytes += piece.length;
        if (this.#failures > 0 && bytes >= this.#breakAfter) {
          this.#failures--;
          this.received.push(bytes);
          body.destroy();
          throw Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
        }
      }
    } else if (body instanceof Uint8Array || typeof body === "string") {
      bytes = Buffer.byteLength(body);
    }
    this.received.push(bytes);
    return { response: new HttpResponse({ statusCode: 200, headers: { etag: '"e"' }, body: Readable.from([]) }) };
  }
}

describe("onSendProgress (call option)", () => {
  const size = 1024 * 1024 + 5;
  const data = Buffer.alloc(size, 7);

  it("reports the body in pieces of at most 64 KiB, adding up to its size", async () => {
    const transport = new ReadingTransport(0, 0);
    const s3 = new Session(stubSessionOptions(transport)).client("s3");
    const calls: number[] = [];
    await s3.putObject({ Bucket: "b", Key: "k", Body: data }, { onSendProgress: (n) => calls.push(n) });
    expect(calls.length).to.equal(Math.ceil(size / 65536));
    expect(Math.max(...calls)).to.equal(65536);
    expect(calls.reduce((a, b) => a + b, 0)).to.equal(size);
    expect(transport.received).to.deep.equal([size]);
  });

  it("takes back a failed attempt's bytes before the SDK retries it", async () => {
    const transport = new ReadingTransport(2, 300 * 1024);
    const s3 = new Session({ ...stubSessionOptions(transport), maxAttempts: 3 }).client("s3");
    const calls: number[] = [];
    let sum = 0;
    let highest = 0;
    const output = await s3.putObject(
      { Bucket: "b", Key: "k", Body: data },
      {
        onSendProgress: (n) => {
          calls.push(n);
          sum += n;
          highest = Math.max(highest, sum);
        },
      },
    );
    expect(output.$metadata.attempts).to.equal(3);
    expect(transport.received).to.have.length(3);
    expect(transport.received.at(-1)).to.equal(size);
    expect(calls.filter((n) => n < 0)).to.have.length(2);
    expect(sum).to.equal(size);
    expect(highest).to.equal(size);
  });

  it("leaves stream bodies alone", async () => {
    const transport = new ReadingTransport(0, 0);
    const s3 = new Session(stubSessionOptions(transport)).client("s3");
    const calls: number[] = [];
    await s3.putObject(
      { Bucket: "b", Key: "k", Body: Readable.from([data]), ContentLength: size },
      { onSendProgress: (n) => calls.push(n) },
    );
    expect(calls).to.deep.equal([]);
    expect(transport.received).to.deep.equal([size]);
  });

  it("takes back everything when the call fails for good", async () => {
    const transport = new ReadingTransport(5, 100 * 1024);
    const s3 = new Session({ ...stubSessionOptions(transport), maxAttempts: 2 }).client("s3");
    let sum = 0;
    const failure = await s3
      .putObject({ Bucket: "b", Key: "k", Body: data }, { onSendProgress: (n) => (sum += n) })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(failure).to.be.instanceOf(Error);
    expect(sum).to.equal(0);
  });
});

describe("unsignedPayload (call option)", () => {
  it("signs UNSIGNED-PAYLOAD instead of the body's SHA-256, and only when asked", async () => {
    const transport = new StubTransport({ headers: { etag: '"e"' } });
    const s3 = new Session(stubSessionOptions(transport)).client("s3");
    await s3.putObject({ Bucket: "b", Key: "k", Body: "hello" });
    await s3.putObject({ Bucket: "b", Key: "k", Body: "hello" }, { unsignedPayload: true });
    const [signed, unsigned] = transport.requests;
    expect(signed?.headers["x-amz-content-sha256"]).to.match(/^[0-9a-f]{64}$/);
    expect(unsigned?.headers["x-amz-content-sha256"]).to.equal("UNSIGNED-PAYLOAD");
    expect(unsigned?.headers["authorization"]).to.include("x-amz-content-sha256");
  });
});
