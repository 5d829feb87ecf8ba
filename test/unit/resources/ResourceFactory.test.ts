import { expect } from "chai";
import {
  ClassMemberConflictError,
  InvalidClassDefinitionError,
  Resource,
  Session,
  type ClassAttributes,
} from "../../../index.js";
import type { AnyClass } from "../../../lib/classes/buildClass.js";
import { StubTransport, stubSessionOptions } from "../../support/stubTransport.js";
import { answer, stubSession, TBucket, testDefinitions, TObj, type TService } from "./fixtures.js";

interface Building {
  service: string;
  resourceName: string;
  classAttributes: ClassAttributes;
  baseClasses: AnyClass[];
}

/** Records every creating-resource-class payload of the session. */
function recordBuilds(session: Session): Building[] {
  const builds: Building[] = [];
  session.events.register("creating-resource-class.s3", (payload) => {
    builds.push(payload);
  });
  return builds;
}

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  expect.fail("expected an error");
}

describe("ResourceFactory", () => {
  describe("class cache", () => {
    it("builds each class once per session, whatever creates the instances", async () => {
      const { session, s3 } = stubSession();
      const builds = recordBuilds(session);
      answer(session, "ListObjectsV2", { Contents: [{ Key: "a" }, { Key: "b" }] });
      answer(session, "PutObject", {});

      const a = s3.Bucket("a");
      const b = session.resource("s3").Bucket("b") as unknown as TBucket;
      const fromSub = a.Obj("k");
      const fromAction = await a.putObject({ Key: "k2" });
      const fromList = await a.listKeys();
      const fromObject = fromSub.Bucket();

      expect(builds.map((x) => x.resourceName)).to.deep.equal(["Bucket", "Obj"]);
      expect(Object.getPrototypeOf(a)).to.equal(Object.getPrototypeOf(b));
      expect(Object.getPrototypeOf(a)).to.equal(Object.getPrototypeOf(fromObject));
      const objProto = Object.getPrototypeOf(fromSub) as object;
      expect(Object.getPrototypeOf(fromAction)).to.equal(objProto);
      for (const item of fromList) expect(Object.getPrototypeOf(item)).to.equal(objProto);
    });

    it("builds the service resource's class once, across resource() calls", () => {
      const { session } = stubSession();
      const builds = recordBuilds(session);
      const one = session.resource("s3");
      const two = session.resource("s3");
      expect(Object.getPrototypeOf(one)).to.equal(Object.getPrototypeOf(two));
      expect(builds).to.have.length(0); // built by stubSession() before the recorder existed
    });

    it("builds separate classes in separate sessions; their instances are still equal", () => {
      const one = stubSession().s3.Bucket("logs");
      const two = stubSession().s3.Bucket("logs");
      expect(Object.getPrototypeOf(one)).not.to.equal(Object.getPrototypeOf(two));
      expect(one.equals(two)).to.equal(true);
    });
  });

  describe("the built class", () => {
    it("extends the definition class, so its own methods work, and is named <service>.<Name>", () => {
      const bucket = stubSession().s3.Bucket("logs");
      expect(bucket).to.be.instanceOf(TBucket);
      expect(bucket).to.be.instanceOf(Resource);
      expect(bucket.shout()).to.equal("LOGS!");
      expect(bucket.constructor.name).to.equal("s3.Bucket");
    });

    it("keeps identifiers in meta and exposes them through prototype getters, not own properties", () => {
      const object = stubSession().s3.Bucket("b").Obj("k");
      expect(object.meta.identifiers).to.deep.equal({ bucketName: "b", key: "k" });
      expect(object.bucketName).to.equal("b");
      expect(Object.getOwnPropertyNames(object)).to.deep.equal(["meta"]);
      expect(() => ((object as unknown as { key: string }).key = "other")).to.throw(TypeError);
      expect(object.key).to.equal("k");
    });
  });

  describe("creating-resource-class", () => {
    it("fires with the service, the type, the methods and the definition class first", () => {
      const transport = new StubTransport();
      const session = new Session({ ...stubSessionOptions(transport), resourceDefinitions: testDefinitions });
      const builds = recordBuilds(session);
      (session.resource("s3") as unknown as TService).Bucket("logs");
      const bucket = builds.find((b) => b.resourceName === "Bucket")!;
      expect(builds.map((b) => b.resourceName)).to.deep.equal(["ServiceResource", "Bucket"]);
      expect(bucket.service).to.equal("s3");
      expect(bucket.baseClasses).to.deep.equal([TBucket]);
      expect(Object.keys(bucket.classAttributes)).to.include.members([
        "delete",
        "putObject",
        "waitUntilExists",
        "Obj",
      ]);
    });

    it("lets a handler add a method", () => {
      const { session } = stubSession();
      session.events.register("creating-resource-class.s3.Obj", ({ classAttributes }) => {
        classAttributes.describe = function (this: TObj) {
          return `${this.bucketName}/${this.key}`;
        };
      });
      const s3 = session.resource("s3") as unknown as TService;
      const object = s3.Bucket("b").Obj("k") as TObj & { describe(): string };
      expect(object.describe()).to.equal("b/k");
    });

    for (const [member, owner] of [
      ["delete", "a generated action"],
      ["Obj", "a generated sub-resource"],
      ["name", "an identifier getter"],
      ["creationDate", "an attribute getter"],
      ["objects", "a collection getter"],
      ["shout", "a method of the definition class"],
      ["load", "a method of Resource"],
      ["meta", "the meta field"],
    ] as const) {
      it(`refuses a handler that redefines ${owner} (${member}) with ClassMemberConflictError`, () => {
        const { session, s3 } = stubSession();
        session.events.register("creating-resource-class.s3.Bucket", ({ classAttributes }) => {
          classAttributes[member] = () => "replaced";
        });
        const error = thrown(() => s3.Bucket("logs"));
        expect(ClassMemberConflictError.is(error)).to.equal(true);
        expect(error).to.include({ className: "s3.Bucket", member });
      });
    }

    it("adds the members of mixins pushed to baseClasses", () => {
      const { session, s3 } = stubSession();
      class Greeter {
        greet(this: TBucket) {
          return `hello ${this.name}`;
        }
      }
      session.events.register("creating-resource-class.s3.Bucket", ({ baseClasses }) => {
        baseClasses.push(Greeter);
      });
      const bucket = s3.Bucket("logs") as TBucket & Greeter;
      expect(bucket.greet()).to.equal("hello logs");
      expect(bucket).to.be.instanceOf(TBucket);
    });

    it("refuses a mixin that defines a generated getter or method", () => {
      for (const Mixin of [
        class {
          get name() {
            return "mixin";
          }
        },
        class {
          delete() {}
        },
      ]) {
        const { session, s3 } = stubSession();
        session.events.register("creating-resource-class.s3.Bucket", ({ baseClasses }) => {
          baseClasses.push(Mixin);
        });
        const error = thrown(() => s3.Bucket("logs"));
        expect(ClassMemberConflictError.is(error), String(error)).to.equal(true);
        expect(error).to.have.property("className", "s3.Bucket");
      }
    });

    it("refuses a base class that does not derive from the definition class", () => {
      const { session, s3 } = stubSession();
      session.events.register("creating-resource-class.s3.Bucket", ({ baseClasses }) => {
        baseClasses[0] = class extends Resource {};
      });
      const error = thrown(() => s3.Bucket("logs"));
      expect(InvalidClassDefinitionError.is(error)).to.equal(true);
      expect(error).to.have.property("className", "s3.Bucket");
    });

    it("accepts a subclass of the definition class as base", () => {
      const { session, s3 } = stubSession();
      class Louder extends TBucket {
        override shout(): string {
          return `${super.shout()}!!`;
        }
      }
      session.events.register("creating-resource-class.s3.Bucket", ({ baseClasses }) => {
        baseClasses[0] = Louder;
      });
      expect(s3.Bucket("logs").shout()).to.equal("LOGS!!!");
    });
  });
});
