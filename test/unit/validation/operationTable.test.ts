import "reflect-metadata";
import { expect } from "chai";
import { getMetadataStorage } from "class-validator";
import { s3Commands } from "../../../lib/client/s3/operations.js";
import { compileDto } from "../../../lib/validation/compile.js";
import { getValidator, s3RequiredMembers } from "../../../lib/validation/index.js";
import { nestedTypeOf, type DtoClass } from "../../../lib/validation/nested.js";
import type { MemberKind } from "../../../lib/validation/operationTable.js";
import { s3OperationDtos } from "../../../lib/validation/s3Validators.js";
import {
  categoryOf,
  elementOf,
  inputSchemaOf,
  issuesOf,
  structOf,
  type SchemaCategory,
  type StructSchema,
} from "./helpers.js";

/*
 * The table and the DTOs are written by hand; these tests hold them against the SDK so they cannot
 * drift. The source of truth is the operation schema each command carries (`new XCommand({}).schema`),
 * the same data the SDK serializes requests with: its input structure lists the members, their
 * types, and how many of them (the first ones) are required. The compiler separately checks the
 * table against the SDK's d.ts input types (`satisfies RequiredMembersTable`).
 */

const operations = Object.keys(s3Commands) as (keyof typeof s3Commands)[];
const schemas = new Map(operations.map((op) => [op, inputSchemaOf(s3Commands[op])]));
const schemaOf = (op: keyof typeof s3Commands): StructSchema => schemas.get(op)!;

/** The schema category each member kind stands for. */
const kindCategory: { readonly [K in MemberKind]: SchemaCategory } = {
  bucket: "string",
  newBucket: "string",
  key: "string",
  copySource: "string",
  partNumber: "number",
  text: "string",
  integer: "number",
  structure: "structure",
  list: "list",
  body: "blob",
};

/** The schema category each rule (class-validator constraint name) checks for. */
const ruleCategory: Readonly<Record<string, SchemaCategory>> = {
  isBucketName: "string",
  isStrictBucketName: "string",
  isObjectKey: "string",
  isCopySource: "string",
  isText: "string",
  isSdkEnum: "string",
  isByteRange: "string",
  isPolicyDocument: "string",
  isIndexDocumentSuffix: "string",
  isInteger: "number",
  isBoolean: "boolean",
  isTimestamp: "timestamp",
  isStructure: "structure",
  hasDaysOrYears: "structure",
  isList: "list",
  isMetadataMap: "map",
  isBody: "blob",
};

/** The operations the brief names as needing rules of their own. */
const HAND_WRITTEN = [
  "CreateBucket", "DeleteBucket", "HeadBucket", "ListBuckets", "ListObjects", "ListObjectsV2", "ListObjectVersions",
  "ListMultipartUploads", "ListParts", "HeadObject", "GetObject", "PutObject", "CopyObject", "DeleteObject",
  "DeleteObjects", "CreateMultipartUpload", "UploadPart", "UploadPartCopy", "CompleteMultipartUpload",
  "AbortMultipartUpload", "PutObjectTagging", "GetObjectTagging", "DeleteObjectTagging", "PutObjectAcl",
  "GetObjectAcl", "PutBucketAcl", "GetBucketAcl", "PutBucketVersioning", "PutBucketTagging", "PutBucketCors",
  "PutBucketLifecycleConfiguration", "PutBucketPolicy", "PutBucketWebsite", "PutObjectRetention",
  "PutObjectLegalHold", "RestoreObject", "GetObjectAttributes", "PutObjectLockConfiguration",
] as const; // prettier-ignore

interface DtoMember {
  readonly name: string;
  readonly optional: boolean;
  readonly rules: readonly string[];
  readonly nested: DtoClass | undefined;
}

/** A DTO's members as class-validator's metadata describes them (not through the compiled plan). */
function membersOf(dto: DtoClass): DtoMember[] {
  const byName = new Map<string, { optional: boolean; rules: string[] }>();
  for (const meta of getMetadataStorage().getTargetValidationMetadatas(dto, "", false, false, undefined)) {
    const entry = byName.get(meta.propertyName) ?? { optional: false, rules: [] };
    byName.set(meta.propertyName, entry);
    if (meta.name === "isOptional") entry.optional = true;
    else if (meta.name !== undefined) entry.rules.push(meta.name);
  }
  return [...byName].map(([name, e]) => ({ name, ...e, nested: nestedTypeOf(dto, name) }));
}

/** Checks a DTO against a structure schema, and its nested DTOs against the member schemas, recursively. */
function checkAgainstSchema(
  dto: DtoClass,
  schema: StructSchema,
  path: string,
  seen = new Set<DtoClass>(),
): void {
  if (seen.has(dto)) return;
  seen.add(dto);
  const members = membersOf(dto);
  for (const member of members) {
    const where = `${path}.${member.name} (${dto.name})`;
    const ref = schema.members.get(member.name);
    expect(ref, `${where} is not a member of ${schema.name}`).not.to.equal(undefined);
    const category = categoryOf(ref!);
    for (const rule of member.rules) {
      expect(ruleCategory[rule], `${where}: unknown rule ${rule}`).not.to.equal(undefined);
      expect(ruleCategory[rule], `${where}: rule ${rule} on a ${category}`).to.equal(category);
    }
    if (member.nested !== undefined) {
      const struct = structOf(category === "list" ? elementOf(ref!)! : ref!);
      expect(struct, `${where} nests a DTO into a non-structure`).not.to.equal(undefined);
      checkAgainstSchema(member.nested, struct!, `${path}.${member.name}`, seen);
    }
  }
  const mandatory = members.filter((m) => !m.optional).map((m) => m.name);
  expect(new Set(mandatory), `${path} (${dto.name}): members required by the DTO`).to.deep.equal(
    new Set(schema.required),
  );
}

describe("the S3 operation table", () => {
  it("covers exactly the 112 operations of the client", () => {
    expect(operations).to.have.length(112);
    expect(Object.keys(s3RequiredMembers).sort()).to.deep.equal([...operations].sort());
  });

  for (const op of operations) {
    it(`matches the SDK schema of ${op}`, () => {
      const schema = schemaOf(op);
      const entry: Readonly<Record<string, MemberKind>> = s3RequiredMembers[op];
      expect(Object.keys(entry).sort(), "required members").to.deep.equal([...schema.required].sort());
      for (const member of ["Bucket", "Key"]) {
        if (schema.members.has(member)) expect(entry, `${member} is checked`).to.have.property(member);
      }
      for (const [member, kind] of Object.entries(entry)) {
        expect(categoryOf(schema.members.get(member)!), `${member} (${kind})`).to.equal(kindCategory[kind]);
      }
      expect(entry["Bucket"] === "newBucket", "strict names only for CreateBucket").to.equal(
        op === "CreateBucket",
      );
    });
  }
});

describe("the S3 validators", () => {
  it("are hand-written for every operation the resource layer relies on", () => {
    expect(Object.keys(s3OperationDtos).sort()).to.deep.equal([...HAND_WRITTEN].sort());
    for (const op of HAND_WRITTEN) expect(getValidator(op), op).to.equal(s3OperationDtos[op]);
  });

  for (const op of operations) {
    it(`of ${op} validate only SDK members, with the SDK's types and required members`, () => {
      const dto = getValidator(op)!;
      compileDto(dto); // compiles (throws on unsupported metadata)
      checkAgainstSchema(dto, schemaOf(op), op);
    });

    it(`of ${op} report exactly the SDK's required members when given {}`, () => {
      const fields = issuesOf(op, {}).map((i) => i.field);
      expect(new Set(fields)).to.deep.equal(new Set(schemaOf(op).required));
      expect(fields).to.have.length(schemaOf(op).required.length);
    });

    const schema = schemaOf(op);
    if (schema.members.has("Bucket")) {
      it(`of ${op} check the bucket name (${op === "CreateBucket" ? "strict" : "lenient"})`, () => {
        const fields = (params: object) => issuesOf(op, params).map((i) => i.field);
        expect(fields({ Bucket: "bad/name" })).to.include("Bucket");
        expect(fields({ Bucket: "Legacy_Name" }).includes("Bucket")).to.equal(op === "CreateBucket");
      });
    }
    if (schema.members.has("Key")) {
      it(`of ${op} check the key`, () => {
        expect(issuesOf(op, { Bucket: "b", Key: "" }).map((i) => i.field)).to.include("Key");
        expect(issuesOf(op, { Bucket: "b", Key: "k" }).map((i) => i.field)).not.to.include("Key");
      });
    }
  }
});
