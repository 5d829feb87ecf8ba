/**
 * DTOs of the static-website and CORS configuration calls: PutBucketWebsite and PutBucketCors.
 *
 * @example
 * ```ts
 * validateParams("PutBucketWebsite", { Bucket: "b", WebsiteConfiguration: { IndexDocument: { Suffix: "a/b" } } });
 * // ValidationError: ... input is invalid:
 * //  - WebsiteConfiguration.IndexDocument.Suffix: expected a non-empty string without slashes, received "a/b"
 * ```
 *
 * @module
 */
import "reflect-metadata";
import { Protocol } from "@aws-sdk/client-s3";
import { IsOptional } from "../libraries.js";
import { Nested } from "../nested.js";
import { defineRule, ruleDecorator } from "../Rule.js";
import { IsObjectKey } from "../rules/names.js";
import { IsInteger, IsSdkEnum, IsStructure, IsText } from "../rules/scalars.js";
import { IsEnumList, IsList, IsTextList } from "../rules/lists.js";
import { BucketConfigurationCallParams } from "./bucket.js";

/** Most CORS rules one bucket may have. */
export const MAX_CORS_RULES = 100;

/** The methods a CORS rule may allow (the SDK types them as plain strings). */
export const CorsMethod = { GET: "GET", PUT: "PUT", POST: "POST", DELETE: "DELETE", HEAD: "HEAD" } as const;

const indexSuffix = defineRule({
  name: "isIndexDocumentSuffix",
  expected: "a non-empty string without slashes",
  test: (value) => typeof value === "string" && value !== "" && !value.includes("/"),
});

/** `WebsiteConfiguration.IndexDocument`. */
export class IndexDocumentParams {
  @ruleDecorator(indexSuffix) Suffix!: string;
}

/** `WebsiteConfiguration.ErrorDocument`. */
export class ErrorDocumentParams {
  @IsObjectKey() Key!: string;
}

/** `WebsiteConfiguration.RedirectAllRequestsTo`. */
export class RedirectAllRequestsToParams {
  @IsText({ min: 1 }) HostName!: string;
  @IsOptional() @IsSdkEnum(Protocol) Protocol?: Protocol;
}

/** `RoutingRule.Condition`. */
export class RoutingConditionParams {
  @IsOptional() @IsText() HttpErrorCodeReturnedEquals?: string;
  @IsOptional() @IsText() KeyPrefixEquals?: string;
}

/** `RoutingRule.Redirect`. */
export class RedirectParams {
  @IsOptional() @IsText() HostName?: string;
  @IsOptional() @IsText() HttpRedirectCode?: string;
  @IsOptional() @IsSdkEnum(Protocol) Protocol?: Protocol;
  @IsOptional() @IsText() ReplaceKeyPrefixWith?: string;
  @IsOptional() @IsText() ReplaceKeyWith?: string;
}

/** One entry of `WebsiteConfiguration.RoutingRules`. */
export class RoutingRuleParams {
  @IsOptional() @IsStructure() @Nested(() => RoutingConditionParams) Condition?: RoutingConditionParams;
  @IsStructure() @Nested(() => RedirectParams) Redirect!: RedirectParams;
}

/** `PutBucketWebsite.WebsiteConfiguration`. */
export class WebsiteConfigurationParams {
  @IsOptional() @IsStructure() @Nested(() => ErrorDocumentParams) ErrorDocument?: ErrorDocumentParams;
  @IsOptional() @IsStructure() @Nested(() => IndexDocumentParams) IndexDocument?: IndexDocumentParams;
  @IsOptional()
  @IsStructure()
  @Nested(() => RedirectAllRequestsToParams)
  RedirectAllRequestsTo?: RedirectAllRequestsToParams;
  @IsOptional()
  @IsList({ of: "routing rules" })
  @Nested(() => RoutingRuleParams)
  RoutingRules?: RoutingRuleParams[];
}

/** PutBucketWebsite. */
export class PutBucketWebsiteParams extends BucketConfigurationCallParams {
  @IsStructure() @Nested(() => WebsiteConfigurationParams) WebsiteConfiguration!: WebsiteConfigurationParams;
}

/** One entry of `CORSConfiguration.CORSRules`. */
export class CorsRuleParams {
  @IsEnumList(CorsMethod, { min: 1 }) AllowedMethods!: string[];
  @IsTextList({ min: 1 }) AllowedOrigins!: string[];
  @IsOptional() @IsText({ max: 255 }) ID?: string;
  @IsOptional() @IsTextList() AllowedHeaders?: string[];
  @IsOptional() @IsTextList() ExposeHeaders?: string[];
  @IsOptional() @IsInteger({ min: 0 }) MaxAgeSeconds?: number;
}

/** `PutBucketCors.CORSConfiguration`. */
export class CorsConfigurationParams {
  @IsList({ min: 1, max: MAX_CORS_RULES, of: "CORS rules" })
  @Nested(() => CorsRuleParams)
  CORSRules!: CorsRuleParams[];
}

/** PutBucketCors. */
export class PutBucketCorsParams extends BucketConfigurationCallParams {
  @IsStructure() @Nested(() => CorsConfigurationParams) CORSConfiguration!: CorsConfigurationParams;
}
