import "reflect-metadata";
import { expect } from "chai";
import { IsOptional, IsString, Length, ValidateIf, ValidateNested, MinLength } from "class-validator";
import { InvalidClassDefinitionError } from "../../../lib/errors.js";
import {
  BucketParams,
  defineRule,
  getValidator,
  hasValidator,
  IsBucketName,
  IsInteger,
  IsList,
  IsText,
  Nested,
  registerValidator,
  ruleDecorator,
} from "../../../lib/validation/index.js";
import { expectIssue, expectValid, issuesOf } from "./helpers.js";

class SearchCondition {
  @IsText({ min: 1 }) Key!: string;
  @IsText() Value!: string;
}

class SearchMetadataParams extends BucketParams {
  @IsText({ min: 1 }) Query!: string;
  @IsOptional() @IsInteger({ min: 1, max: 1000 }) MaxKeys?: number;
  @IsOptional()
  @IsList({ max: 5, of: "conditions" })
  @Nested(() => SearchCondition)
  Conditions?: SearchCondition[];
}

const even = defineRule({
  name: "isEven",
  expected: "an even integer",
  test: (value) => Number.isInteger(value) && (value as number) % 2 === 0,
});

describe(registerValidator.name, () => {
  const cleanups: (() => void)[] = [];
  afterEach(() =>
    cleanups
      .splice(0)
      .reverse()
      .forEach((undo) => undo()),
  );

  it("validates a custom operation with a plugin's DTO", () => {
    expect(hasValidator("SearchMetadata")).to.be.false;
    cleanups.push(registerValidator("SearchMetadata", SearchMetadataParams));
    expect(getValidator("SearchMetadata")).to.equal(SearchMetadataParams);
    expectValid("SearchMetadata", { Bucket: "ns-bucket", Query: "x-amz-meta-owner==alice", MaxKeys: 10 });
    expect(
      issuesOf("SearchMetadata", { Bucket: "a b", MaxKeys: 0, Conditions: [{ Key: "", Value: 1 }] }).map(
        (i) => [i.field, i.expected],
      ),
    ).to.deep.equal([
      ["Bucket", '1-255 letters, digits, dots, hyphens or underscores, or an ARN starting with "arn:"'],
      ["MaxKeys", "an integer from 1 to 1000"],
      ["Conditions[0].Key", "a non-empty string"],
      ["Conditions[0].Value", "a string"],
      ["Query", "a non-empty string"],
    ]);
  });

  it("returns an undo function that restores the previous validator", () => {
    class First {
      @IsText() A!: string;
    }
    class Second {
      @IsText() B!: string;
    }
    const undoFirst = registerValidator("Layered", First);
    const undoSecond = registerValidator("Layered", Second);
    expect(getValidator("Layered")).to.equal(Second);
    expect(issuesOf("Layered", {}).map((i) => i.field)).to.deep.equal(["B"]);
    undoSecond();
    expect(issuesOf("Layered", {}).map((i) => i.field)).to.deep.equal(["A"]);
    undoFirst();
    expect(hasValidator("Layered")).to.be.false;
  });

  it("can replace a built-in S3 validator, and undo brings it back", () => {
    class RelaxedHeadBucket {
      @IsBucketName() Bucket!: string;
      @ruleDecorator(even) Partition!: number;
    }
    const undo = registerValidator("HeadBucket", RelaxedHeadBucket);
    expectIssue("HeadBucket", { Bucket: "b", Partition: 3 }, "Partition", "an even integer");
    undo();
    expect(getValidator("HeadBucket")?.name).to.equal("HeadBucketParams");
    expectValid("HeadBucket", { Bucket: "b", Partition: 3 });
  });

  it("runs plain class-validator decorators too, with their own messages as the expectation", () => {
    class Plain {
      @IsString() @Length(2, 4) Code!: string;
      @ValidateIf((o: { Mode?: string }) => o.Mode === "strict") @MinLength(3) Detail?: string;
      @IsOptional() @IsString({ message: "a string, as $property" }) Note?: string;
    }
    cleanups.push(registerValidator("PlainOp", Plain));
    expectValid("PlainOp", { Code: "ab", Detail: "x" });
    expect(
      issuesOf("PlainOp", { Code: 5, Mode: "strict", Detail: "x", Note: 1 }).map((i) => [
        i.field,
        i.expected,
      ]),
    ).to.deep.equal([
      ["Code", "Code must be longer than or equal to 2 and shorter than or equal to 4 characters"],
      ["Detail", "Detail must be longer than or equal to 3 characters"],
      ["Note", "a string, as Note"],
    ]);
  });

  it("rejects at registration a DTO that nests without @Nested", () => {
    class Child {
      @IsText() A!: string;
    }
    class Parent {
      @ValidateNested() child!: Child;
    }
    expect(() => registerValidator("BadNesting", Parent))
      .to.throw(InvalidClassDefinitionError)
      .with.property("message")
      .that.contains('property "child" uses @ValidateNested without @Nested');
    expect(hasValidator("BadNesting")).to.be.false;
  });
});
