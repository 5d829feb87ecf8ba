/**
 * A typed builder for ObjectScale metadata-search expressions.
 *
 * @module
 */
export { MetadataQuery, and, or, checkNode, SEARCH_OPERATORS } from "./MetadataQuery.js";
export type {
  SearchOperator,
  SearchCondition,
  SearchJunction,
  SearchNode,
  FormatOptions,
} from "./MetadataQuery.js";
export { SearchKey, searchKey, isSearchKeyName, SYSTEM_SEARCH_KEYS, USER_KEY_NAME } from "./searchKey.js";
export type { SystemSearchKeyName, UserSearchKeyName } from "./searchKey.js";
export { formatLiteral, plainNumber, SEARCH_DATATYPES } from "./literals.js";
export type { SearchDatatype, SearchValueTypes, QuoteStyle } from "./literals.js";
