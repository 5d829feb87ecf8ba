import { expect } from "chai";
import {
  readResponseHeaders,
  responseHeadersHandler,
} from "../../../resources/objectscale/handlers/responseHeaders.js";

describe("ObjectScale response headers", () => {
  it("reads every documented header into typed fields", () => {
    expect(
      readResponseHeaders({
        "x-emc-mtime": "1714557600123",
        "x-emc-content-md5": "abc",
        "x-emc-retention-period": "-1",
        "x-emc-retention-policy": "p",
        "x-emc-append-offset": "10",
        "x-emc-previous-object-size": "10",
      }),
    ).to.deep.equal({
      mtime: new Date(1714557600123),
      contentMd5: "abc",
      retentionPeriod: -1,
      retentionPolicy: "p",
      appendOffset: 10,
      previousObjectSize: 10,
    });
  });

  it("returns nothing when there are none, and skips unreadable numbers", () => {
    expect(readResponseHeaders({ etag: "x" })).to.equal(undefined);
    expect(readResponseHeaders({ "x-emc-mtime": "soon" })).to.equal(undefined);
  });

  it("sets output.ObjectScale from the after-call payload's raw response", () => {
    const output: Record<string, unknown> = { $metadata: {} };
    const payload = { output, response: { statusCode: 200, headers: { "x-emc-retention-period": "5" } } };
    responseHeadersHandler(payload as never);
    expect(output["ObjectScale"]).to.deep.equal({ retentionPeriod: 5 });
  });

  it("leaves the output alone when the payload has no response", () => {
    const output: Record<string, unknown> = { $metadata: {} };
    responseHeadersHandler({ output } as never);
    expect(output).to.not.have.property("ObjectScale");
  });
});
