import { HttpResponse } from "@smithy/core/protocols";
import type { HttpRequest } from "@smithy/types";
import { Readable } from "node:stream";

/** A canned answer of the stub transport. */
export interface StubAnswer {
  statusCode?: number;
  headers?: Record<string, string>;
  body?: string;
}

/** What the stub saw: a copy of each request as it went on the "wire". */
export interface SeenRequest {
  method: string;
  path: string;
  query: Record<string, unknown>;
  headers: Record<string, string>;
  hostname: string;
}

/**
 * An SDK request handler that never touches the network: it records each request and answers
 * from a queue of canned responses (the last one repeats), or throws the queued error.
 */
export class StubTransport {
  readonly requests: SeenRequest[] = [];
  readonly #answers: Array<StubAnswer | Error>;

  constructor(...answers: Array<StubAnswer | Error>) {
    this.#answers = answers.length > 0 ? answers : [{}];
  }

  handle(request: HttpRequest): Promise<{ response: HttpResponse }> {
    this.requests.push({
      method: request.method,
      path: request.path,
      query: { ...request.query },
      headers: { ...request.headers },
      hostname: request.hostname,
    });
    const answer = this.#answers.length > 1 ? this.#answers.shift()! : this.#answers[0]!;
    if (answer instanceof Error) return Promise.reject(answer);
    return Promise.resolve({
      response: new HttpResponse({
        statusCode: answer.statusCode ?? 200,
        headers: { "x-amz-request-id": "stub", ...answer.headers },
        body: Readable.from([Buffer.from(answer.body ?? "")]),
      }),
    });
  }

  updateHttpClientConfig(): void {}

  httpHandlerConfigs(): Record<string, never> {
    return {};
  }
}

/** Session options that send everything to `transport`, with static credentials and no retry delay surprises. */
export function stubSessionOptions(transport: StubTransport) {
  return {
    region: "us-east-1",
    endpoint: "http://127.0.0.1:9",
    forcePathStyle: true,
    credentials: { accessKeyId: "AKIDSTUB", secretAccessKey: "stub-secret" },
    requestChecksumCalculation: "WHEN_REQUIRED" as const,
    responseChecksumValidation: "WHEN_REQUIRED" as const,
    sdk: { requestHandler: transport },
  };
}

/** A ListObjectsV2 response document. */
export function listObjectsV2Xml(keys: readonly string[], next?: string): string {
  const contents = keys.map((k) => `<Contents><Key>${k}</Key><Size>1</Size></Contents>`).join("");
  const more =
    next !== undefined
      ? `<IsTruncated>true</IsTruncated><NextContinuationToken>${next}</NextContinuationToken>`
      : "<IsTruncated>false</IsTruncated>";
  return `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>b</Name><KeyCount>${keys.length}</KeyCount>${more}${contents}</ListBucketResult>`;
}
