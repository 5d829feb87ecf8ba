import { expect } from "chai";
import { Session } from "../../../lib/Session.js";
import { SmartClientConfigError } from "../../../lib/smart/errors.js";
import { parseHost, resolveSmartClientOptions, SMART_CLIENT_DEFAULTS } from "../../../lib/smart/options.js";
import type { SmartClientOptions } from "../../../lib/smart/options.js";

const ENDPOINT = "http://10.0.0.11:9020";

function fieldOf(option: boolean | SmartClientOptions, endpoint: string | undefined): string | undefined {
  try {
    resolveSmartClientOptions(option, endpoint);
    return undefined;
  } catch (error) {
    if (SmartClientConfigError.is(error)) return error.field;
    throw error;
  }
}

describe("resolveSmartClientOptions()", function () {
  it("starts from the endpoint's own host with the documented defaults", function () {
    const resolved = resolveSmartClientOptions(true, ENDPOINT);
    expect(resolved.groups).to.have.length(1);
    expect(resolved.groups[0]!.map((n) => n.address)).to.deep.equal(["10.0.0.11:9020"]);
    expect(resolved).to.include({
      protocol: "http:",
      discovery: SMART_CLIENT_DEFAULTS.discovery,
      discoveryIntervalMs: 120_000,
      healthCheck: true,
      healthCheckIntervalMs: 10_000,
      healthCheckTimeoutMs: 2_000,
      failureBackoffMs: 10_000,
    });
  });

  it("gives hosts without a port the endpoint's port, and keeps written ports", function () {
    const { groups } = resolveSmartClientOptions({ hosts: ["10.0.0.12", "node3.example.com:9021", "[fd00::1]:9020"] }, ENDPOINT);
    expect(groups[0]!.map((n) => [n.hostname, n.port, n.isIp])).to.deep.equal([
      ["10.0.0.12", 9020, true],
      ["node3.example.com", 9021, false],
      ["fd00::1", 9020, true],
    ]);
  });

  const cases: Array<[string, boolean | SmartClientOptions, string, string?]> = [
    ["no endpoint", true, "endpoint", undefined],
    ["a scheme in a host", { hosts: ["10.0.0.12", "http://10.0.0.13"] }, "smartClient.hosts[1]"],
    ["a path in a host", { hosts: ["10.0.0.12/s3"] }, "smartClient.hosts[0]"],
    ["an empty host", { hosts: [""] }, "smartClient.hosts[0]"],
    ["no hosts", { hosts: [] }, "smartClient.hosts"],
    ["a host listed twice", { hosts: ["10.0.0.12", "10.0.0.12:9020"] }, "smartClient.hosts[1]"],
    ["hosts and groups", { hosts: ["a"], groups: [["b"]] }, "smartClient.groups"],
    ["no groups", { groups: [] }, "smartClient.groups"],
    ["an empty group", { groups: [["a"], []] }, "smartClient.groups[1]"],
    ["a host in two groups", { groups: [["a"], ["b", "a"]] }, "smartClient.groups[1][1]"],
    ["a zero interval", { healthCheckIntervalMs: 0 }, "smartClient.healthCheckIntervalMs"],
    ["a negative interval", { discoveryIntervalMs: -5 }, "smartClient.discoveryIntervalMs"],
    ["a NaN timeout", { healthCheckTimeoutMs: Number.NaN }, "smartClient.healthCheckTimeoutMs"],
    ["a negative back-off", { failureBackoffMs: -1 }, "smartClient.failureBackoffMs"],
    ["an unknown discovery", { discovery: "dns" as never }, "smartClient.discovery"],
  ];
  for (const [what, option, field] of cases) {
    it(`names ${field} for ${what}`, function () {
      expect(fieldOf(option, what === "no endpoint" ? undefined : ENDPOINT)).to.equal(field);
    });
  }

  it("accepts a zero back-off (never take a node out on a failed request)", function () {
    expect(resolveSmartClientOptions({ failureBackoffMs: 0 }, ENDPOINT).failureBackoffMs).to.equal(0);
  });

  it("says what was found and what was expected", function () {
    expect(() => resolveSmartClientOptions({ hosts: ["https://a"] }, ENDPOINT)).to.throw(
      SmartClientConfigError,
      'Invalid smartClient.hosts[0]: "https://a" is not a host: use "host", "host:port" or "[ipv6]:port", without a scheme',
    );
  });
});

describe("parseHost()", function () {
  it("reads a plain IP as ObjectScale's ?endpoint lists it, with the default port", function () {
    expect(parseHost("10.1.2.3", 9021)).to.deep.equal({ hostname: "10.1.2.3", port: 9021, address: "10.1.2.3:9021", isIp: true });
  });
  it("reads a bare IPv6 address and a bracketed one with a port", function () {
    expect(parseHost("fd00::2", 9020)?.address).to.equal("[fd00::2]:9020");
    expect(parseHost("[fd00::2]:80", 9020)).to.include({ hostname: "fd00::2", port: 80 });
  });
  it("leaves the port out for the scheme's default", function () {
    expect(parseHost("s3.example.com", undefined)).to.include({ address: "s3.example.com", port: undefined });
  });
  it("refuses URLs, paths and user info", function () {
    for (const text of ["http://a", "a/b", "u@a", "a b", "a?x"]) expect(parseHost(text, 1), text).to.equal(undefined);
  });
});

describe("new Session({ smartClient })", function () {
  it("checks the option before anything else and names the field", function () {
    expect(() => new Session({ endpoint: ENDPOINT, smartClient: { healthCheckIntervalMs: 0 } })).to.throw(
      SmartClientConfigError,
      /smartClient\.healthCheckIntervalMs/,
    );
  });
  it("refuses a legacy retry strategy it cannot guard", function () {
    const legacy = { mode: "custom", retry: () => Promise.resolve() };
    expect(() => new Session({ endpoint: ENDPOINT, smartClient: true, sdk: { retryStrategy: legacy as never } })).to.throw(
      SmartClientConfigError,
      /sdk\.retryStrategy/,
    );
  });
  it("has no smart client when the option is off", function () {
    expect(new Session({ endpoint: ENDPOINT }).smartClient).to.equal(undefined);
    expect(new Session({ endpoint: ENDPOINT, smartClient: false }).smartClient).to.equal(undefined);
  });
});
