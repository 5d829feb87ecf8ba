import { expect } from "chai";
import { Container, inject, injectable, named } from "inversify";
import type { AwsCredentialIdentity } from "@smithy/types";
import { Session } from "../../../lib/Session.js";
import type { SessionPlugin } from "../../../lib/SessionPlugin.js";
import type { S3ServiceClient } from "../../../lib/client/ClientFactory.js";
import { TOKENS, UnknownEndpointError, objectScaleResourcesModule } from "../../../di.js";
import { objectScale } from "../../../resources/objectscale/index.js";
import { S3ServiceResource } from "../../../resources/s3/ServiceResource.js";
import { Bucket } from "../../../resources/s3/Bucket.js";

const keys: AwsCredentialIdentity = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" };

function twoEndpoints(): Container {
  const container = new Container();
  container.load(
    objectScaleResourcesModule({
      endpoints: {
        aws: { region: "eu-west-1", credentials: keys },
        archive: {
          endpoint: "http://127.0.0.1:9",
          region: "us-east-1",
          credentials: keys,
          forcePathStyle: true,
          plugins: [objectScale({ namespace: "ns1" })],
        },
      },
      default: "aws",
    }),
  );
  return container;
}

/** Records whether `client`'s SDK client was destroyed. */
function watchDestroy(client: S3ServiceClient): { destroyed: boolean } {
  const seen = { destroyed: false };
  const sdk = client.meta.sdk;
  const destroy = sdk.destroy.bind(sdk);
  sdk.destroy = () => {
    seen.destroyed = true;
    destroy();
  };
  return seen;
}

describe(objectScaleResourcesModule.name, function () {
  describe("bindings", function () {
    it("binds each named endpoint's session with its own settings", function () {
      const container = twoEndpoints();
      const aws = container.get(TOKENS.Session, { name: "aws" });
      const archive = container.get(TOKENS.Session, { name: "archive" });
      expect(aws).to.be.instanceOf(Session);
      expect(aws.toJSON()).to.deep.equal({ region: "eu-west-1", endpoint: undefined, profile: undefined });
      expect(archive.endpoint).to.equal("http://127.0.0.1:9");
    });

    it("resolves unnamed requests to the default endpoint, sharing its singletons", function () {
      const container = twoEndpoints();
      expect(container.get(TOKENS.Session)).to.equal(container.get(TOKENS.Session, { name: "aws" }));
      expect(container.get(TOKENS.S3Client)).to.equal(container.get(TOKENS.S3Client, { name: "aws" }));
      expect(container.get(TOKENS.Session)).to.not.equal(container.get(TOKENS.Session, { name: "archive" }));
    });

    it("defaults to the only endpoint when there is one", function () {
      const container = new Container();
      container.load(objectScaleResourcesModule({ endpoints: { only: { region: "us-east-1" } } }));
      expect(container.get(TOKENS.Session)).to.equal(container.get(TOKENS.Session, { name: "only" }));
    });

    it("keeps one session and one client per endpoint", function () {
      const container = twoEndpoints();
      const client = container.get(TOKENS.S3Client, { name: "archive" });
      expect(container.get(TOKENS.S3Client, { name: "archive" })).to.equal(client);
      expect(container.get(TOKENS.S3Client, { name: "aws" })).to.not.equal(client);
    });

    it("gives a new service resource each time, over the endpoint's one client", function () {
      const container = twoEndpoints();
      const first = container.get(TOKENS.S3Resource, { name: "archive" });
      const second = container.get(TOKENS.S3Resource, { name: "archive" });
      expect(first).to.be.instanceOf(S3ServiceResource);
      expect(first).to.not.equal(second);
      expect(first.meta.client).to.equal(container.get(TOKENS.S3Client, { name: "archive" }));
      expect(second.meta.client).to.equal(first.meta.client);
    });

    it("installs the endpoint's plugins on its session only", function () {
      const container = twoEndpoints();
      const archive = container.get(TOKENS.S3Client, { name: "archive" });
      const aws = container.get(TOKENS.S3Client, { name: "aws" });
      expect(archive.appendObject).to.be.a("function");
      expect((aws as Partial<S3ServiceClient>).appendObject).to.equal(undefined);
    });

    it("injects named and default resources into an @injectable() service's constructor", function () {
      @injectable()
      class Mirror {
        constructor(
          @inject(TOKENS.S3Resource) readonly primary: S3ServiceResource,
          @inject(TOKENS.S3Resource) @named("archive") readonly archive: S3ServiceResource,
        ) {}
      }
      const container = twoEndpoints();
      container.bind(Mirror).toSelf();
      const mirror = container.get(Mirror);
      expect(mirror.primary.meta.client).to.equal(container.get(TOKENS.S3Client, { name: "aws" }));
      expect(mirror.archive.meta.client).to.equal(container.get(TOKENS.S3Client, { name: "archive" }));
    });
  });

  describe("injected session plugins", function () {
    const Clock = Symbol("Clock");
    interface Clock {
      today(): string;
    }

    @injectable()
    class DatedKeys implements SessionPlugin {
      readonly name = "dated-keys";
      constructor(@inject(Clock) private readonly clock: Clock) {}
      install(session: Session): void {
        const clock = this.clock;
        session.events.register(
          "creating-resource-class.s3.Bucket",
          ({ classAttributes }) => {
            classAttributes["datedKey"] = function (this: Bucket, key: string) {
              return `${this.name}/${clock.today()}/${key}`;
            };
          },
          { uniqueId: "dated-keys" },
        );
      }
    }

    it("gives resource methods added by a plugin the plugin's injected dependencies", function () {
      const container = twoEndpoints();
      container.bind<Clock>(Clock).toConstantValue({ today: () => "2026-11-26" });
      container.bind(TOKENS.SessionPlugin).to(DatedKeys).whenNamed("archive");
      const bucket = container.get(TOKENS.S3Resource, { name: "archive" }).Bucket("reports");
      expect((bucket as unknown as { datedKey(key: string): string }).datedKey("q4.csv")).to.equal(
        "reports/2026-11-26/q4.csv",
      );
      const other = container.get(TOKENS.S3Resource, { name: "aws" }).Bucket("reports");
      expect((other as unknown as { datedKey?: unknown }).datedKey).to.equal(undefined);
    });

    it("installs unconstrained plugin bindings on every endpoint", function () {
      const container = twoEndpoints();
      container.bind<Clock>(Clock).toConstantValue({ today: () => "d" });
      container.bind(TOKENS.SessionPlugin).to(DatedKeys);
      for (const name of ["aws", "archive"]) {
        const bucket = container.get(TOKENS.S3Resource, { name }).Bucket("b");
        expect((bucket as unknown as { datedKey(key: string): string }).datedKey("k")).to.equal("b/d/k");
      }
    });
  });

  describe("asyncOptions", function () {
    function asyncContainer(fetched: () => Promise<AwsCredentialIdentity>): Container {
      const container = new Container();
      container.load(
        objectScaleResourcesModule({
          endpoints: {
            vaulted: { region: "us-east-1", asyncOptions: async () => ({ credentials: await fetched() }) },
          },
        }),
      );
      return container;
    }

    it("awaits the settings once, resolved through getAsync", async function () {
      let calls = 0;
      const container = asyncContainer(async () => {
        calls++;
        await new Promise((resolve) => setTimeout(resolve, 5));
        return { accessKeyId: "FROMVAULT", secretAccessKey: "s" };
      });
      const client = await container.getAsync(TOKENS.S3Client);
      const resource = await container.getAsync(TOKENS.S3Resource, { name: "vaulted" });
      expect(resource.meta.client).to.equal(client);
      const credentials = await client.meta.sdk.config.credentials();
      expect(credentials.accessKeyId).to.equal("FROMVAULT");
      expect(await container.getAsync(TOKENS.Session)).to.equal(await container.getAsync(TOKENS.Session));
      expect(calls).to.equal(1);
    });

    it("refuses a synchronous get of an asynchronous endpoint", function () {
      const container = asyncContainer(() => Promise.resolve(keys));
      expect(() => container.get(TOKENS.S3Resource)).to.throw(/asynchronous/i);
    });

    it("passes a failure of the startup settings to getAsync", async function () {
      const container = asyncContainer(() => Promise.reject(new Error("vault sealed")));
      const error = await container.getAsync(TOKENS.Session).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).to.be.instanceOf(Error).with.property("message", "vault sealed");
    });
  });

  describe("disposal", function () {
    it("closes the resolved SDK clients when the module is unloaded", async function () {
      const module = objectScaleResourcesModule({
        endpoints: { a: { region: "us-east-1" }, b: { region: "us-east-1" } },
      });
      const container = new Container();
      container.load(module);
      const a = watchDestroy(container.get(TOKENS.S3Client, { name: "a" }));
      const b = watchDestroy(container.get(TOKENS.S3Client, { name: "b" }));
      await container.unloadAsync(module);
      expect([a.destroyed, b.destroyed]).to.deep.equal([true, true]);
    });

    it("closes them on unbindAll too", function () {
      const container = twoEndpoints();
      const client = watchDestroy(container.get(TOKENS.S3Client, { name: "archive" }));
      container.unbindAll();
      expect(client.destroyed).to.equal(true);
    });

    it("closes the sessions too, which stops a smart client's checks", function () {
      const container = new Container();
      container.load(
        objectScaleResourcesModule({
          endpoints: { site: { region: "us-east-1", endpoint: "http://127.0.0.1:9", smartClient: true } },
        }),
      );
      const session = container.get(TOKENS.Session);
      expect([session.closed, session.smartClient?.closed]).to.deep.equal([false, false]);
      container.unbindAll();
      expect([session.closed, session.smartClient?.closed]).to.deep.equal([true, true]);
    });
  });

  describe("unknown endpoints", function () {
    it("throws UnknownEndpointError naming the endpoint and the known ones", function () {
      const container = twoEndpoints();
      let error: unknown;
      try {
        container.get(TOKENS.S3Resource, { name: "archiv" });
      } catch (e) {
        error = e;
      }
      expect(UnknownEndpointError.is(error)).to.equal(true);
      const unknown = error as UnknownEndpointError;
      expect(unknown.endpoint).to.equal("archiv");
      expect(unknown.known).to.deep.equal(["aws", "archive"]);
      expect(unknown.code).to.equal("UNKNOWN_ENDPOINT");
      expect(unknown.message).to.equal('Unknown endpoint "archiv": expected one of "aws", "archive"');
    });

    it("throws it for an unnamed request when several endpoints have no default", function () {
      const container = new Container();
      container.load(objectScaleResourcesModule({ endpoints: { a: {}, b: {} } }));
      expect(() => container.get(TOKENS.Session)).to.throw(UnknownEndpointError, /No default endpoint/);
      expect(container.get(TOKENS.Session, { name: "b" })).to.be.instanceOf(Session);
    });

    it("throws it when the module's default names no endpoint", function () {
      expect(() => objectScaleResourcesModule({ endpoints: { a: {} }, default: "b" as "a" })).to.throw(
        UnknownEndpointError,
        'Unknown endpoint "b"',
      );
    });

    it("refuses an empty endpoint map", function () {
      expect(() => objectScaleResourcesModule({ endpoints: {} })).to.throw(RangeError, /at least one/);
    });
  });

  describe("rebinding for tests", function () {
    it("rebinds every endpoint's session, and clients and resources follow", function () {
      const container = twoEndpoints();
      const replacement = new Session({
        endpoint: "http://127.0.0.1:10",
        region: "us-east-1",
        credentials: keys,
      });
      container.rebind(TOKENS.Session).toConstantValue(replacement);
      expect(container.get(TOKENS.Session, { name: "archive" })).to.equal(replacement);
      const resource = container.get(TOKENS.S3Resource);
      expect(resource.meta.client).to.equal(container.get(TOKENS.S3Client));
      expect(container.get(TOKENS.S3Client, { name: "archive" })).to.not.equal(
        container.get(TOKENS.S3Client),
      );
    });
  });
});
