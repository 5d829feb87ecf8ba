import { expect } from "chai";
import {
  action,
  actions,
  attributes,
  data,
  identifier,
  identifiers,
  input,
  load,
  loadWith,
  reference,
  references,
  resource,
  response,
  subresource,
  subresources,
  waiter,
  waiters,
} from "../../../decorators/index.js";
import { ClassMemberConflictError, InvalidClassDefinitionError, Resource, Session } from "../../../index.js";
import type { ResourceDefinitionClass } from "../../../lib/resources/ResourceRegistry.js";
import { StubTransport, stubSessionOptions } from "../../support/stubTransport.js";
import { TService } from "./fixtures.js";

const HEAD = { headers: { "content-length": "5", etag: '"abc"', "x-amz-meta-owner": "me" } };

/** The service resource of a session holding TService and `definitions`; `Thing` is reachable as s3.Thing(...). */
function serviceWith(...definitions: ResourceDefinitionClass[]) {
  const transport = new StubTransport(HEAD);
  const session = new Session({
    ...stubSessionOptions(transport),
    resourceDefinitions: [TService, ...definitions],
  });
  return session.resource("s3") as unknown as Record<
    string,
    (...ids: string[]) => Record<string, unknown> & Resource
  >;
}

function errorOf(fn: () => unknown): Error & { className?: string; member?: string } {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  return expect.fail("expected an error");
}

describe("ResourceModel (member names and definition checks)", () => {
  describe("declared members", () => {
    it("refuses an action named like an identifier, naming the class and the member", () => {
      @resource("s3", "Thing")
      @identifiers("name")
      @actions({ name: action("HeadBucket", { Bucket: identifier("name") }) })
      class Thing extends Resource {}
      const error = errorOf(() => serviceWith(Thing).Thing!("x"));
      expect(ClassMemberConflictError.is(error)).to.equal(true);
      expect(error).to.include({ className: "s3.Thing", member: "name" });
      expect(error.message).to.match(/declared as action and is already declared as identifier/);
    });

    it("refuses an action and a waiter of one name", () => {
      @resource("s3", "Thing")
      @identifiers("name")
      @actions({ exists: action("HeadBucket", { Bucket: identifier("name") }) })
      @waiters({ exists: waiter("BucketExists", { Bucket: identifier("name") }) })
      class Thing extends Resource {}
      const error = errorOf(() => serviceWith(Thing).Thing!("x"));
      expect(error).to.include({ className: "s3.Thing", member: "exists" });
      expect(ClassMemberConflictError.is(error)).to.equal(true);
    });

    it("refuses a member named like a method of the definition class or of Resource", () => {
      @resource("s3", "Thing")
      @identifiers("name")
      @actions({ shout: action("HeadBucket", { Bucket: identifier("name") }) })
      class Thing extends Resource {
        shout() {}
      }
      @resource("s3", "Other")
      @identifiers("name")
      @actions({ load: action("HeadBucket", { Bucket: identifier("name") }) })
      class Other extends Resource {}
      const one = errorOf(() => serviceWith(Thing).Thing!("x"));
      expect(one).to.include({ className: "s3.Thing", member: "shout" });
      expect(one.message).to.include("defined by class Thing");
      const two = errorOf(() => serviceWith(Other).Other!("x"));
      expect(two).to.include({ className: "s3.Other", member: "load" });
      expect(two.message).to.include("defined by class Resource");
    });

    it("refuses identifiers declared twice", () => {
      @resource("s3", "Thing")
      @identifiers("name", "name")
      class Thing extends Resource {}
      const error = errorOf(() => serviceWith(Thing).Thing!("x", "y"));
      expect(InvalidClassDefinitionError.is(error)).to.equal(true);
      expect(error).to.include({ className: "s3.Thing" });
      expect(error.message).to.include('"name"');
    });
  });

  describe("attributes", () => {
    it("renames an attribute that clashes with an action to <name>Attribute", async () => {
      @resource("s3", "Thing")
      @identifiers("bucketName", "key")
      @attributes("HeadObject")
      @loadWith(load("HeadObject", { Bucket: identifier("bucketName"), Key: identifier("key") }))
      @actions({
        metadata: action("GetObjectTagging", { Bucket: identifier("bucketName"), Key: identifier("key") }),
      })
      class Thing extends Resource {}
      const thing = serviceWith(Thing).Thing!("b", "k");
      await thing.load();
      expect(thing["metadata"]).to.be.a("function");
      expect(thing["metadataAttribute"]).to.deep.equal({ owner: "me" });
      expect(thing["contentLength"]).to.equal(5);
    });

    it("renames an attribute that clashes with a method of the definition class", async () => {
      @resource("s3", "Thing")
      @identifiers("bucketName", "key")
      @attributes("HeadObject")
      @loadWith(load("HeadObject", { Bucket: identifier("bucketName"), Key: identifier("key") }))
      class Thing extends Resource {
        eTag() {
          return "mine";
        }
      }
      const thing = serviceWith(Thing).Thing!("b", "k") as unknown as Resource & {
        eTag(): string;
        eTagAttribute: string;
      };
      await thing.load();
      expect(thing.eTag()).to.equal("mine");
      expect(thing.eTagAttribute).to.equal('"abc"');
    });

    it("refuses a clash that renaming cannot resolve", () => {
      @resource("s3", "Thing")
      @identifiers("bucketName", "key")
      @attributes("HeadObject")
      @actions({
        metadata: action("GetObjectTagging", { Bucket: identifier("bucketName"), Key: identifier("key") }),
        metadataAttribute: action("GetObjectTagging", {
          Bucket: identifier("bucketName"),
          Key: identifier("key"),
        }),
      })
      class Thing extends Resource {}
      const error = errorOf(() => serviceWith(Thing).Thing!("b", "k"));
      expect(ClassMemberConflictError.is(error)).to.equal(true);
      expect(error).to.include({ className: "s3.Thing", member: "metadataAttribute" });
      expect(error.message).to.include('renamed from "metadata"');
    });

    it("skips an attribute named like an identifier: the identifier getter answers, loaded or not", () => {
      @resource("s3", "Thing")
      @identifiers("bucketName", "key")
      @attributes("ListObjectsV2", "Contents")
      class Thing extends Resource {}
      const thing = serviceWith(Thing).Thing!("b", "k");
      expect(thing["key"]).to.equal("k"); // an attribute getter would throw ResourceNotLoadedError
      expect("keyAttribute" in thing).to.equal(false);
      expect(() => thing["size"]).to.throw(/not available/);
    });

    it("refuses @attributes whose operation and path have no output structure", () => {
      @resource("s3", "Thing")
      @identifiers("name")
      @attributes("ListObjectsV2", "Nope")
      class Thing extends Resource {}
      const error = errorOf(() => serviceWith(Thing).Thing!("x"));
      expect(InvalidClassDefinitionError.is(error)).to.equal(true);
      expect(error.message).to.include('@attributes("ListObjectsV2", "Nope")');
    });
  });

  describe("sources and specs", () => {
    it("refuses identifier() naming no identifier, naming the class and the member", () => {
      @resource("s3", "Thing")
      @identifiers("name")
      @actions({ remove: action("DeleteBucket", { Bucket: identifier("nmae") }) })
      class Thing extends Resource {}
      const error = errorOf(() => serviceWith(Thing).Thing!("x"));
      expect(InvalidClassDefinitionError.is(error)).to.equal(true);
      expect(error.message).to.equal(
        'Cannot build s3.Thing: remove: identifier("nmae") names no identifier of s3.Thing (it has: name)',
      );
    });

    it("refuses a spec of the wrong kind", () => {
      @resource("s3", "Thing")
      @identifiers("name")
      @actions({ exists: waiter("BucketExists", { Bucket: identifier("name") }) as never })
      class Thing extends Resource {}
      const error = errorOf(() => serviceWith(Thing).Thing!("x"));
      expect(error.message).to.include(
        'exists: expected a spec of kind "action", found one of kind "waiter"',
      );
    });

    it("refuses a load that reads data(), a sub-resource that reads the response, a reference with input()", () => {
      @resource("s3", "A")
      @identifiers("name")
      @loadWith(load("HeadBucket", { Bucket: data("Name") }))
      class A extends Resource {}
      @resource("s3", "B")
      @identifiers("name")
      @subresources({ Other: subresource("A", { name: response("Name") }) })
      class B extends Resource {}
      @resource("s3", "C")
      @identifiers("name")
      @references({ other: reference("A", { name: input() }) })
      class C extends Resource {}
      expect(errorOf(() => serviceWith(A).A!("x")).message).to.include("load: data() sources");
      expect(errorOf(() => serviceWith(A, B).B!("x")).message).to.include("Other: a subresource cannot take");
      expect(errorOf(() => serviceWith(A, C).C!("x")).message).to.include("other: a reference cannot take");
    });

    it("refuses, on first use, a target type that is not registered", () => {
      @resource("s3", "Thing")
      @identifiers("name")
      @subresources({ Child: subresource("Nothing", { name: identifier("name") }) })
      class Thing extends Resource {}
      const thing = serviceWith(Thing).Thing!("x") as unknown as Resource & { Child(): Resource };
      const error = errorOf(() => thing.Child());
      expect(InvalidClassDefinitionError.is(error)).to.equal(true);
      expect(error.message).to.include(
        's3.Thing: sub-resource "Child" builds s3.Nothing, which is not registered',
      );
    });

    it("refuses, on first use, a target spec that does not give exactly the target's identifiers", () => {
      @resource("s3", "Parent")
      @identifiers("name")
      @subresources({ Child: subresource("Child", { bucketName: identifier("name") }) })
      class Parent extends Resource {}
      @resource("s3", "Child")
      @identifiers("bucketName", "key")
      class Child extends Resource {}
      const parent = serviceWith(Parent, Child).Parent!("x") as unknown as Resource & { Child(): Resource };
      const error = errorOf(() => parent.Child());
      expect(error.message).to.include(
        'sub-resource "Child" gives s3.Child the identifiers (bucketName), but it has (bucketName, key)',
      );
    });

    it("refuses a class field that would hide a generated getter", () => {
      @resource("s3", "Thing")
      @identifiers("name")
      class Thing extends Resource {
        readonly name: string = "field";
      }
      const error = errorOf(() => serviceWith(Thing).Thing!("x"));
      expect(InvalidClassDefinitionError.is(error)).to.equal(true);
      expect(error.message).to.include('declares "name" as a class field');
    });
  });

  describe("registration", () => {
    it("refuses a class without @resource, or not extending Resource", () => {
      class Plain extends Resource {}
      const session = new Session({ resourceDefinitions: [] });
      expect(() => session.registerResources(Plain)).to.throw(InvalidClassDefinitionError, /no @resource/);
      @resource("s3", "Odd")
      class Odd {}
      expect(() => session.registerResources(Odd as never)).to.throw(
        InvalidClassDefinitionError,
        /extending Resource/,
      );
    });

    it("refuses a type registered twice, naming both classes", () => {
      @resource("s3", "ServiceResource")
      class Again extends Resource {}
      const session = new Session({ resourceDefinitions: [TService] });
      expect(() => session.registerResources(Again)).to.throw(
        InvalidClassDefinitionError,
        "Cannot build s3.ServiceResource: class Again names a type that class TService already registered",
      );
    });
  });
});
