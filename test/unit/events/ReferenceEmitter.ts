/**
 * The naive reference the emitter is checked against: per emitter, a flat list of registrations
 * in registration order; an emit filters it with the match rule and sorts it with the order rule.
 * Nothing here shares code with lib/events.
 */
import type { Section } from "../../../lib/events/index.js";

export const SECTIONS: readonly Section[] = ["first", "middle", "last"];
/** Emitter i's parent: 1 and 3 are children of 0, 2 is a grandchild through 1. */
export const PARENTS: readonly (number | undefined)[] = [undefined, 0, 1, 0];
/** What each handler returns: odd ones answer (falsy values, which still stop emitUntilResponse). */
const ANSWERS: readonly unknown[] = [undefined, null, undefined, 0];
export const answer = (handler: number): unknown => ANSWERS[handler];
export const HANDLERS = ANSWERS.length;

export type Command =
  | {
      op: "register";
      emitter: number;
      pattern: string;
      section: Section;
      once: boolean;
      handler: number;
      id?: Id;
    }
  | { op: "unregister"; emitter: number; pattern: string; handler: number }
  | { op: "unregisterId"; emitter: number; pattern: string; id: Id }
  /** Unregisters what an earlier register command registered, by handler or (when it had one) by id. */
  | { op: "unregisterEarlier"; index: number; byId: boolean }
  | { op: "dispose"; index: number }
  | { op: "emit"; emitter: number; name: string; mode: "all" | "until" | "allAsync" | "untilAsync" }
  | { op: "hasHandlers"; emitter: number; name: string };

export interface Id {
  name: string;
  counted: boolean;
}

interface ModelRegistration {
  readonly emitter: number;
  readonly pattern: string;
  readonly section: number;
  readonly handler: number;
  readonly once: boolean;
  readonly seq: number;
  readonly uniqueId: string | undefined;
}

interface ModelId {
  readonly registration: ModelRegistration;
  readonly counted: boolean;
  count: number;
}

/** Thrown where the real emitter must throw EventRegistrationError and change nothing. */
export class Contradiction extends Error {}

/** The reference emitters of one run, indexed like {@link PARENTS}. */
export class ReferenceEmitter {
  readonly registrations: ModelRegistration[][] = PARENTS.map(() => []);
  readonly ids: Map<string, ModelId>[] = PARENTS.map(() => new Map<string, ModelId>());
  #seq = 0;

  /** Returns the registration's disposer; calling it twice does nothing the second time. */
  register(c: Extract<Command, { op: "register" }>): () => void {
    const entry = c.id && this.ids[c.emitter]!.get(c.id.name);
    if (c.id && entry) {
      if (entry.counted !== c.id.counted) throw new Contradiction();
      if (!c.id.counted) return () => undefined;
      entry.count++;
      return once(() => this.#release(c.emitter, entry));
    }
    const section = SECTIONS.indexOf(c.section);
    const registration = { ...c, section, seq: this.#seq++, uniqueId: c.id?.name };
    this.registrations[c.emitter]!.push(registration);
    if (!c.id) return once(() => this.#remove(registration));
    const created = { registration, counted: c.id.counted, count: 1 };
    this.ids[c.emitter]!.set(c.id.name, created);
    return once(() => (created.counted ? this.#release(c.emitter, created) : this.#remove(registration)));
  }

  unregister(c: Extract<Command, { op: "unregister" }>): boolean {
    const candidates = this.registrations[c.emitter]!.filter(
      (r) => r.pattern === c.pattern && r.handler === c.handler,
    );
    candidates.sort((a, b) => a.section - b.section || a.seq - b.seq);
    return candidates[0] !== undefined && this.#remove(candidates[0]);
  }

  unregisterId(c: Extract<Command, { op: "unregisterId" }>): boolean {
    const entry = this.ids[c.emitter]!.get(c.id.name);
    if (entry === undefined) return false;
    if (entry.counted !== c.id.counted || entry.registration.pattern !== c.pattern) throw new Contradiction();
    return this.#release(c.emitter, entry);
  }

  /** Registrations emitting `name` on `emitter` runs, in order. */
  resolve(emitter: number, name: string): ModelRegistration[] {
    const chain: number[] = [];
    for (let e: number | undefined = emitter; e !== undefined; e = PARENTS[e]) chain.unshift(e);
    const nameSegments = name.split(".");
    const matching = chain.flatMap((e, level) =>
      this.registrations[e]!.filter((r) => matches(r.pattern.split("."), nameSegments)).map((r) => ({
        r,
        level,
      })),
    );
    matching.sort(
      (a, b) =>
        specificity(a.r.pattern.split("."), b.r.pattern.split(".")) ||
        a.r.section - b.r.section ||
        a.level - b.level ||
        a.r.seq - b.r.seq,
    );
    return matching.map(({ r }) => r);
  }

  emit(emitter: number, name: string, untilResponse: boolean): { log: number[]; results: unknown[] } {
    const log: number[] = [];
    const results: unknown[] = [];
    for (const r of this.resolve(emitter, name)) {
      if (r.once) this.#remove(r);
      log.push(r.handler);
      results.push(answer(r.handler));
      if (untilResponse && answer(r.handler) !== undefined) break;
    }
    return { log, results };
  }

  #remove(registration: ModelRegistration): boolean {
    const list = this.registrations[registration.emitter]!;
    const index = list.indexOf(registration);
    if (index < 0) return false;
    list.splice(index, 1);
    const ids = this.ids[registration.emitter]!;
    const { uniqueId } = registration;
    if (uniqueId !== undefined && ids.get(uniqueId)?.registration === registration) ids.delete(uniqueId);
    return true;
  }

  #release(emitter: number, entry: ModelId): boolean {
    if (this.ids[emitter]!.get(entry.registration.uniqueId!) !== entry) return false;
    if (entry.counted && entry.count > 1) {
      entry.count--;
      return false;
    }
    return this.#remove(entry.registration);
  }
}

function once(action: () => unknown): () => void {
  let done = false;
  return () => {
    if (!done) action();
    done = true;
  };
}

function matches(pattern: readonly string[], name: readonly string[]): boolean {
  return (
    pattern.length <= name.length && pattern.every((segment, i) => segment === "*" || segment === name[i])
  );
}

function specificity(a: readonly string[], b: readonly string[]): number {
  if (a.length !== b.length) return b.length - a.length;
  const i = a.findIndex((segment, j) => (segment === "*") !== (b[j] === "*"));
  return i < 0 ? 0 : a[i] === "*" ? 1 : -1;
}
