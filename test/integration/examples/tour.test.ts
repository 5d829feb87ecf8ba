import { expect } from "chai";
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";

const tour = fileURLToPath(new URL("../../../examples/tour.js", import.meta.url));

/** Runs the compiled tour as `npm start` does, against the in-process emulator. */
function runTour(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env = { ...process.env };
  delete env["AWS_ENDPOINT_URL"]; // the tour's default: the emulator, whatever the test run points at
  return new Promise((resolve) => {
    execFile(process.execPath, ["--enable-source-maps", tour], { env, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe("the tour (npm start)", function () {
  it("finishes without errors against the emulator and reports every step", async function () {
    this.timeout(90_000);
    const { code, stdout, stderr } = await runTour();
    expect(code, stderr).to.equal(0);
    expect(stdout).to.include("ping: maintenance mode");
    expect(stdout).to.match(/indexed keys\s+Size:integer, x-amz-meta-dept:string, x-amz-meta-pages:integer/);
    expect(stdout).to.match(/match reports\/q1\.txt/);
    expect(stdout).to.match(/match reports\/q2\.txt/);
    expect(stdout).to.not.match(/match reports\/q3\.txt/);
    expect(stdout).to.match(/append offsets\s+8, 18/);
    expect(stdout).to.match(/delete under retention\s+refused/);
    expect(stdout).to.match(/uploaded archive\/big\.bin\s+48 MiB in 6 parts/);
    expect(stdout).to.match(/size after load\(\)\s+50331648 bytes/);
    expect(stdout).to.match(/deleted under reports\/\s+3 objects in 1 request/);
    expect(stdout).to.match(/bucket emptied and deleted/);
    expect(stdout).to.not.include("clean-up failed");
  });
});
