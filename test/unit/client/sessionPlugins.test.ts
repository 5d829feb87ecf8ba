import { expect } from "chai";
import { Session, objectScale, type SessionPlugin } from "../../../index.js";
import { StubTransport, stubSessionOptions } from "../../support/stubTransport.js";

describe("Session plugins", () => {
  it("installs each plugin once, before any client exists", () => {
    const seen: string[] = [];
    const plugin: SessionPlugin = {
      name: "recorder",
      install(session) {
        session.events.register(
          "creating-client-class.s3",
          () => {
            seen.push("class built");
          },
          { uniqueId: "recorder" },
        );
        seen.push("installed");
      },
    };
    const session = new Session({ ...stubSessionOptions(new StubTransport()), plugins: [plugin] });
    session.client("s3");
    expect(seen).to.deep.equal(["installed", "class built"]);
  });

  it("merges plugin session defaults under the caller's options", async () => {
    const { requestChecksumCalculation: _r, responseChecksumValidation: _v, ...options } = stubSessionOptions(
      new StubTransport(),
    );
    const session = new Session({ ...options, plugins: [objectScale({ namespace: "ns1" })] });
    const config = session.client("s3").meta.sdk.config;
    expect(await config.requestChecksumCalculation()).to.equal("WHEN_REQUIRED");
    expect(await config.responseChecksumValidation()).to.equal("WHEN_REQUIRED");

    const explicit = new Session({
      ...options,
      requestChecksumCalculation: "WHEN_SUPPORTED",
      plugins: [objectScale({ namespace: "ns1" })],
    });
    expect(await explicit.client("s3").meta.sdk.config.requestChecksumCalculation()).to.equal("WHEN_SUPPORTED");
  });

  it("gives the client the ObjectScale methods and signs the namespace header", async () => {
    const transport = new StubTransport();
    const session = new Session({ ...stubSessionOptions(transport), plugins: [objectScale({ namespace: "ns1" })] });
    const client = session.client("s3");
    expect(client.queryObjects).to.be.a("function");
    await client.headBucket({ Bucket: "logs" });
    const sent = transport.requests[0]!;
    expect(sent.headers["x-emc-namespace"]).to.equal("ns1");
    expect(sent.headers["authorization"]).to.match(/SignedHeaders=[^,]*x-emc-namespace/);
  });

  it("leaves sessions without the plugin untouched", () => {
    const session = new Session(stubSessionOptions(new StubTransport()));
    expect((session.client("s3") as unknown as Record<string, unknown>)["queryObjects"]).to.equal(undefined);
  });
});
