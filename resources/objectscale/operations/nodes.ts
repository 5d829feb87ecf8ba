/**
 * Data-node calls: the unauthenticated health check `?ping` (reference §8) and the node list
 * `?endpoint` (§9).
 *
 * @module
 */
import type { MetadataBearer } from "@smithy/types";
import { defineOperation, type OperationRequest } from "../../../lib/client/defineOperation.js";
import { xmlList, xmlNonEmpty, xmlNumber, xmlObject, xmlText } from "../xml.js";

/** Input of `Ping`. */
export interface PingInput {
  /**
   * The data node to ask, as `host` or `host:port` (`10.0.0.11:9021`), bypassing any load
   * balancer; default: the client's endpoint. The protocol stays the endpoint's.
   */
  Node?: string;
}

/** One item of a ping answer. */
export interface PingItem {
  /** `MAINTENANCE_MODE`, `LOAD_FACTOR`, ... */
  Name: string;
  /** `ON`, `OFF` or `UNKNOWN`. */
  Status?: string;
  Text?: string;
  Value?: string;
}

/** Output of `Ping` (root `PingList`). */
export interface PingOutput extends MetadataBearer {
  Items: PingItem[];
  /** The `MAINTENANCE_MODE` item's status: `OFF` when the node serves requests. */
  MaintenanceMode?: string;
  /** The `LOAD_FACTOR` item's value as a number. */
  LoadFactor?: number;
}

/** Input of `ListDataNodes`: nothing. */
export type ListDataNodesInput = Record<string, never>;

/** Output of `ListDataNodes` (root `ListDataNode`). */
export interface ListDataNodesOutput extends MetadataBearer {
  /** The data-node addresses of the local VDC. */
  DataNodes: string[];
  /** The ObjectScale/ECS build string. */
  VersionInfo?: string;
}

function node(address: string | undefined): Pick<OperationRequest, "hostname" | "port"> {
  if (address === undefined) return {};
  const url = new URL(`http://${address}`);
  const hostname = url.hostname.replace(/^\[(.*)\]$/, "$1");
  return url.port === "" ? { hostname } : { hostname, port: Number(url.port) };
}

/**
 * `GET /?ping`, unsigned (the signing middleware of this command is replaced by a pass-through):
 * whether a node is in maintenance mode, and its load factor. Always 200.
 *
 * @example
 * ```ts
 * const { MaintenanceMode } = await s3.send(new PingCommand({ Node: "10.0.0.11:9021" }));
 * ```
 */
export const PingCommand = defineOperation<PingInput, PingOutput>({
  name: "Ping",
  scope: "service",
  unsigned: true,
  serialize: (input) => ({ method: "GET", query: { ping: null }, ...node(input.Node) }),
  deserialize: ({ xml }) => {
    const items = xmlList(xml?.["PingItem"]).map((value): PingItem => {
      const item = xmlObject(value);
      const out: PingItem = { Name: xmlText(item["Name"]) ?? "" };
      for (const field of ["Status", "Text", "Value"] as const) {
        const text = xmlNonEmpty(item[field]);
        if (text !== undefined) out[field] = text;
      }
      return out;
    });
    const find = (name: string) => items.find((i) => i.Name === name);
    const maintenance = find("MAINTENANCE_MODE")?.Status;
    const load = xmlNumber(find("LOAD_FACTOR")?.Value);
    return {
      Items: items,
      ...(maintenance !== undefined ? { MaintenanceMode: maintenance } : {}),
      ...(load !== undefined ? { LoadFactor: load } : {}),
    };
  },
});

/**
 * `GET /?endpoint`: the data nodes of the local VDC and the build string.
 *
 * @example
 * ```ts
 * const { DataNodes, VersionInfo } = await s3.send(new ListDataNodesCommand({}));
 * ```
 */
export const ListDataNodesCommand = defineOperation<ListDataNodesInput, ListDataNodesOutput>({
  name: "ListDataNodes",
  scope: "service",
  serialize: () => ({ method: "GET", query: { endpoint: "" } }),
  deserialize: ({ xml }) => {
    const version = xmlNonEmpty(xml?.["VersionInfo"]);
    return {
      DataNodes: xmlList(xml?.["DataNodes"])
        .map(xmlText)
        .filter((n): n is string => n !== undefined && n !== ""),
      ...(version !== undefined ? { VersionInfo: version } : {}),
    };
  },
});
