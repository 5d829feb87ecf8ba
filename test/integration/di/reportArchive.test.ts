import { expect } from "chai";
import type { Container } from "inversify";
import { TOKENS } from "../../../di.js";
import { ObjectScaleEmulator } from "../../../lib/testing/index.js";
import { objectScale } from "../../../resources/objectscale/index.js";
import { ReportArchive, createContainer } from "../../../examples/di-service.js";
import { emulatorSessionOptions, objectScaleSession, recorded } from "../../support/emulatorSession.js";

describe("ReportArchive (examples/di-service.ts) from a container", function () {
  let emu: ObjectScaleEmulator;
  let container: Container | undefined;

  before(async function () {
    emu = await ObjectScaleEmulator.start({ namespace: "finance" });
  });
  after(async function () {
    await emu.stop();
  });
  afterEach(async function () {
    await container?.unbindAllAsync();
    container = undefined;
  });

  it("stores and lists reports through the injected archive endpoint", async function () {
    container = createContainer(
      { ...emulatorSessionOptions(emu), plugins: [objectScale({ namespace: "finance" })] },
      "reports-direct",
    );
    const archive = container.get(ReportArchive);
    await archive.prepare();
    await archive.store("q3.txt", "up");
    await archive.store("q4.txt", "up again");
    expect(await archive.list()).to.deep.equal([
      { key: "reports/q3.txt", size: 2 },
      { key: "reports/q4.txt", size: 8 },
    ]);
    expect(emu.describeBucket("reports-direct", "finance")).to.not.equal(undefined);
    await archive.remove();
    expect(emu.describeBucket("reports-direct", "finance")).to.equal(undefined);
  });

  it("runs on the emulator after a test rebinds the session, application code untouched", async function () {
    // The production wiring: an endpoint this test cannot reach.
    container = createContainer(
      { endpoint: "http://127.0.0.1:9", region: "us-east-1", forcePathStyle: true, maxAttempts: 1 },
      "reports-rebound",
    );
    container.rebind(TOKENS.Session).toConstantValue(objectScaleSession(emu, { namespace: "finance" }));
    const before = recorded(emu, "PutObject").length;
    const archive = container.get(ReportArchive);
    await archive.prepare();
    await archive.store("q1.txt", "flat");
    expect(await archive.list()).to.deep.equal([{ key: "reports/q1.txt", size: 4 }]);
    const puts = recorded(emu, "PutObject").slice(before);
    expect(puts).to.have.length(1);
    expect(puts[0]!.headers["x-emc-namespace"]).to.equal("finance");
    await archive.remove();
  });
});
