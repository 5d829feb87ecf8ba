/**
 * Metadata-search keys (reference §3.2–3.4): the system keys and optional attributes ECS offers, and
 * the parser of the `x-emc-metadata-search` header given at bucket creation.
 *
 * @module
 */
import { errors } from "../http/S3Error.js";

/** Datatypes of indexed keys. */
export type SearchDatatype = "string" | "integer" | "datetime" | "decimal";

/** An indexed key: a system key (`Size`) or user metadata (`x-amz-meta-dept`, lower-cased). */
export interface SearchKey {
  readonly name: string;
  readonly datatype: SearchDatatype;
  readonly system: boolean;
}

const DATATYPES: readonly SearchDatatype[] = ["string", "integer", "datetime", "decimal"];

/** The indexable system keys (ECS ≥ 3.8, reference §3.2). */
export const SYSTEM_KEYS: readonly SearchKey[] = [
  { name: "CreateTime", datatype: "datetime", system: true },
  { name: "LastModified", datatype: "datetime", system: true },
  { name: "ObjectName", datatype: "string", system: true },
  { name: "Owner", datatype: "string", system: true },
  { name: "Size", datatype: "integer", system: true },
];

/** Optional attributes a query may ask for with `attributes=` (ECS ≥ 3.8, reference §3.3). */
export const OPTIONAL_ATTRIBUTES: readonly SearchKey[] = [
  { name: "ContentEncoding", datatype: "string", system: true },
  { name: "ContentType", datatype: "string", system: true },
  { name: "CreateTime", datatype: "datetime", system: true },
  { name: "Etag", datatype: "string", system: true },
  { name: "Expiration", datatype: "datetime", system: true },
  { name: "Expires", datatype: "datetime", system: true },
  { name: "LastModified", datatype: "datetime", system: true },
  { name: "Namespace", datatype: "string", system: true },
  { name: "ObjName", datatype: "string", system: true },
  { name: "ObjectName", datatype: "string", system: true },
  { name: "Owner", datatype: "string", system: true },
  { name: "Retention", datatype: "integer", system: true },
  { name: "Size", datatype: "integer", system: true },
];

/** At most this many keys may be indexed per bucket. */
export const MAX_SEARCH_KEYS = 30;

const USER_PREFIX = "x-amz-meta-";
const USER_NAME = /^[a-z0-9][a-z0-9_.-]*$/;

/**
 * Parses an `x-emc-metadata-search` value: comma-separated `Name` or `Name;Datatype` items. System
 * keys may omit the datatype; user keys (`x-amz-meta-…`) must give it. Datatypes are accepted in any
 * case and stored lower-case; user key names are stored lower-case.
 *
 * @throws S3Error `Invalid metadata search list entered` (400) for an unknown system key, a missing
 * or unknown datatype, a datatype that contradicts a system key, a duplicate, or more than 30 keys.
 */
export function parseSearchKeyList(header: string): SearchKey[] {
  const keys: SearchKey[] = [];
  for (const rawItem of header.split(",")) {
    const item = rawItem.trim();
    if (item === "") throw errors.invalidSearchList(`empty item in "${header}"`);
    const parts = item.split(";").map((p) => p.trim());
    if (parts.length > 2) throw errors.invalidSearchList(`"${item}" must be Name or Name;Datatype`);
    const [name = "", typeText] = parts;
    const datatype = typeText === undefined ? undefined : parseDatatype(typeText, item);
    const key = resolveKey(name, datatype, item);
    if (keys.some((k) => k.name === key.name))
      throw errors.invalidSearchList(`"${key.name}" is listed twice`);
    keys.push(key);
  }
  if (keys.length > MAX_SEARCH_KEYS) {
    throw errors.invalidSearchList(`${keys.length} keys given; at most ${MAX_SEARCH_KEYS} can be indexed`);
  }
  return keys;
}

/** The indexed key `name` refers to: system keys match exactly, user keys case-insensitively. */
export function findSearchKey(keys: readonly SearchKey[], name: string): SearchKey | undefined {
  const lower = name.toLowerCase();
  return keys.find((k) => (k.system ? k.name === name : k.name === lower));
}

/** The optional attribute called `name` (exact spelling). */
export function findAttribute(name: string): SearchKey | undefined {
  return OPTIONAL_ATTRIBUTES.find((a) => a.name === name);
}

function parseDatatype(text: string, item: string): SearchDatatype {
  const lower = text.toLowerCase();
  const datatype = DATATYPES.find((d) => d === lower);
  if (!datatype) throw errors.invalidSearchList(`"${item}": datatype must be one of ${DATATYPES.join(", ")}`);
  return datatype;
}

function resolveKey(name: string, datatype: SearchDatatype | undefined, item: string): SearchKey {
  if (name.toLowerCase().startsWith(USER_PREFIX)) {
    const lower = name.toLowerCase();
    if (!USER_NAME.test(lower.slice(USER_PREFIX.length))) {
      throw errors.invalidSearchList(`"${item}": "${name}" is not a valid user metadata name`);
    }
    if (datatype === undefined)
      throw errors.invalidSearchList(`"${item}": user metadata keys need ;datatype`);
    return { name: lower, datatype, system: false };
  }
  const system = SYSTEM_KEYS.find((k) => k.name.toLowerCase() === name.toLowerCase());
  if (!system) {
    throw errors.invalidSearchList(
      `"${name}" is neither a system key (${SYSTEM_KEYS.map((k) => k.name).join(", ")}) nor x-amz-meta-<name>`,
    );
  }
  if (datatype !== undefined && datatype !== system.datatype) {
    throw errors.invalidSearchList(`"${item}": ${system.name} is a ${system.datatype} key`);
  }
  return system;
}
