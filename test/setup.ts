// Loaded by mocha (`--require build/test/setup.js`, see .mocharc.json) before any spec file.
import "reflect-metadata";

import { stopS3GatewaysIfStarted } from "./support/s3Gateways.js";
import { stopS3ServerIfStarted } from "./support/s3Server.js";

// @aws-sdk/core (pulled by client-s3 3.1175.0) warns at the first client construction that its
// releases after early January 2027 need Node >= 22; tests pin the SDK, so the warning is noise here.
process.env["AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED"] = "true";

/**
 * Stops the Ceph clusters that integration suites started through `useS3Server()` and
 * `useS3Gateways()`, once, after every spec file has run (and also when tests failed). A global
 * fixture rather than a root `afterAll` hook: mocha runs it exactly once per run in the main
 * process, and never in `--parallel` workers.
 */
export async function mochaGlobalTeardown(): Promise<void> {
  // stop both even when one fails, then report the first failure
  const results = await Promise.allSettled([stopS3ServerIfStarted(), stopS3GatewaysIfStarted()]);
  for (const result of results) if (result.status === "rejected") throw result.reason;
}
