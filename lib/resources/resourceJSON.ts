/**
 * Checks a {@link ResourceJSON} before a session rebuilds a resource from it: the service and type
 * must be registered, and the identifiers exactly the type's, each a non-empty string.
 *
 * @module
 */
import {
  InvalidIdentifierError,
  MissingIdentifierError,
  UnknownResourceError,
  UnknownServiceError,
} from "../errors.js";
import type { ResourceClass } from "./members/context.js";
import type { ResourceJSON } from "./Resource.js";
import type { ResourceFactory } from "./ResourceFactory.js";
import type { ResourceRegistry } from "./ResourceRegistry.js";

/** What a checked {@link ResourceJSON} describes. */
export interface CheckedResourceJSON {
  readonly resourceClass: ResourceClass;
  /** In the type's declaration order. */
  readonly identifiers: Record<string, string>;
}

/**
 * Checks `json` (typically parsed from text, so nothing about it is trusted).
 *
 * @throws {@link UnknownServiceError} when `service` has no registered resources.
 * @throws {@link UnknownResourceError} when `type` is not registered for it.
 * @throws {@link MissingIdentifierError} when an identifier is absent.
 * @throws {@link InvalidIdentifierError} when one is not a non-empty string, or is unknown.
 * @internal
 */
export function checkResourceJSON(
  factory: ResourceFactory,
  registry: ResourceRegistry,
  json: ResourceJSON,
): CheckedResourceJSON {
  const { service, type, identifiers: given } = (json ?? {}) as Partial<Record<keyof ResourceJSON, unknown>>;
  const services = registry.services();
  if (typeof service !== "string" || !services.includes(service)) {
    throw new UnknownServiceError(String(service), services);
  }
  if (typeof type !== "string" || registry.get(service, type) === undefined) {
    throw new UnknownResourceError(service, String(type));
  }
  const resourceClass = factory.classFor(service, type);
  const { className } = resourceClass.model;
  const names = resourceClass.model.identifiers.map((id) => id.name);
  if (given === null || typeof given !== "object" || Array.isArray(given)) {
    if (names.length === 0 && given === undefined) return { resourceClass, identifiers: {} };
    throw new InvalidIdentifierError(
      className,
      "identifiers",
      `expected an object of strings, received ${typeof given}`,
    );
  }
  const record = given as Record<string, unknown>;
  for (const name of Object.keys(record)) {
    if (!names.includes(name)) {
      throw new InvalidIdentifierError(
        className,
        name,
        `${className} has no such identifier; it has (${names.join(", ")})`,
      );
    }
  }
  const identifiers: Record<string, string> = {};
  for (const name of names) {
    const value = record[name];
    if (value === undefined) throw new MissingIdentifierError(className, name, "the JSON does not give it");
    if (typeof value !== "string" || value === "") {
      throw new InvalidIdentifierError(
        className,
        name,
        `expected a non-empty string, received ${JSON.stringify(value)}`,
      );
    }
    identifiers[name] = value;
  }
  return { resourceClass, identifiers };
}
