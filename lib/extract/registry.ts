// The curated registries (data/*.json) compiled once at module load into one alias trie.
import modelsData from "./data/models.json";
import organizationsData from "./data/organizations.json";
import industriesData from "./data/industries.json";
import technologiesData from "./data/technologies.json";
import type { OrgKind } from "./types";
import { toSimplified } from "./text";

export interface ModelEntry {
  key: string;
  nameZh: string;
  nameEn: string | null;
  pinyin: string | null;
  aliases: string[];
  /** names that are also ordinary words (天工, 九天): they name the model only with context */
  contextAliases?: string[];
  vendor: string | null;
  family: string | null;
  version: string | null;
  sourceUrl: string | null;
}

export interface OrganizationEntry {
  key: string;
  nameZh: string;
  nameEn: string | null;
  pinyin: string | null;
  aliases: string[];
  kind: OrgKind;
  sourceUrl: string | null;
}

export interface TaxonomyEntry {
  key: string;
  nameZh: string;
  nameEn: string;
  aliases: string[];
}

export type RegistryKind = "model" | "organization" | "industry" | "technology";

export const MODELS: ReadonlyMap<string, ModelEntry> = new Map((modelsData as ModelEntry[]).map((m) => [m.key, m]));
export const ORGANIZATIONS: ReadonlyMap<string, OrganizationEntry> = new Map(
  (organizationsData as OrganizationEntry[]).map((o) => [o.key, o]),
);
export const INDUSTRIES: ReadonlyMap<string, TaxonomyEntry> = new Map(
  (industriesData as TaxonomyEntry[]).map((i) => [i.key, i]),
);
export const TECHNOLOGIES: ReadonlyMap<string, TaxonomyEntry> = new Map(
  (technologiesData as TaxonomyEntry[]).map((t) => [t.key, t]),
);

/** Normalised version for comparisons: "V3.5" -> "3.5", "4.0 Turbo" -> "4.0turbo". */
function normVersion(v: string): string {
  return v
    .toLowerCase()
    .replace(/\s+/g, "")
    .replace(/^v(?=\d)/, "");
}

const byFamilyVersion = new Map<string, ModelEntry>();
for (const m of MODELS.values()) {
  if (m.family && m.version) byFamilyVersion.set(`${m.family}|${normVersion(m.version)}`, m);
}

/** The curated model of `family` at `version`, if the registry has it. */
export function modelByFamilyVersion(family: string, version: string): ModelEntry | undefined {
  return byFamilyVersion.get(`${family}|${normVersion(version)}`);
}

// ---- alias trie ----------------------------------------------------------------------------

interface Target {
  kind: RegistryKind;
  key: string;
  /** ASCII-only short upper-case aliases (IDC, MOSS) must match case-sensitively */
  exact: string | null;
  /** an ordinary word as well: the reader of the hit asks for context */
  gated: boolean;
}

interface TrieNode {
  /** keyed by code point (aliases are walked by code point, the text by UTF-16 unit) */
  next: Map<number, TrieNode>;
  targets: Target[] | null;
  /** some target needs the case-sensitive surface check */
  anyExact: boolean;
}

const root: TrieNode = { next: new Map(), targets: null, anyExact: false };

function addAlias(alias: string, kind: RegistryKind, key: string, gated = false): void {
  const a = toSimplified(alias.trim());
  if (a.length < 2) return;
  const lower = a.toLowerCase();
  let node = root;
  for (const ch of lower) {
    const c = ch.codePointAt(0)!;
    let n = node.next.get(c);
    if (!n) {
      n = { next: new Map(), targets: null, anyExact: false };
      node.next.set(c, n);
    }
    node = n;
  }
  const exact = /^[A-Z0-9]{2,5}$/.test(a) ? a : null;
  node.targets ??= [];
  const existing = node.targets.find((t) => t.kind === kind && t.key === key);
  if (!existing) {
    node.targets.push({ kind, key, exact, gated });
    if (exact) node.anyExact = true;
  } else {
    // one of its aliases is written in lower case (abab beside ABAB): any case matches
    if (existing.exact && !exact) existing.exact = null;
    existing.gated &&= gated;
  }
}

for (const m of MODELS.values()) {
  for (const a of [m.nameZh, m.nameEn, ...m.aliases]) if (a) addAlias(a, "model", m.key);
  for (const a of m.contextAliases ?? []) addAlias(a, "model", m.key, true);
  // 鹏城·脑海 is also written with other middle dots or none
  if (m.nameZh.includes("·")) {
    addAlias(m.nameZh.replace(/·/g, "•"), "model", m.key);
    addAlias(m.nameZh.replace(/·/g, "・"), "model", m.key);
    addAlias(m.nameZh.replace(/·/g, ""), "model", m.key);
  }
}
for (const o of ORGANIZATIONS.values())
  for (const a of [o.nameZh, o.nameEn, ...o.aliases]) if (a) addAlias(a, "organization", o.key);
for (const i of INDUSTRIES.values()) for (const a of [i.nameZh, i.nameEn, ...i.aliases]) addAlias(a, "industry", i.key);
for (const t of TECHNOLOGIES.values())
  for (const a of [t.nameZh, t.nameEn ?? "", ...t.aliases]) if (a) addAlias(a, "technology", t.key);

// Most characters of a text start no alias: a table of the UTF-16 units that do rules them out
// before the root's Map is consulted.
const startsAlias = new Uint8Array(0x10000);
for (const c of root.next.keys()) if (c <= 0xffff) startsAlias[c] = 1;

export interface RegistryHit {
  kind: RegistryKind;
  key: string;
  start: number;
  end: number;
  /** the alias is an ordinary word too (a model's `contextAliases`) */
  gated?: true;
}

// Char-code tests: the scan visits every character, and indexing a CJK string allocates one per call.
const isAsciiLetterCode = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isAsciiWordCode = (c: number) => isAsciiLetterCode(c) || (c >= 0x30 && c <= 0x39);
/** `charCodeAt` is NaN outside the string, which no test accepts */
const isAsciiWord = (s: string, i: number) => isAsciiWordCode(s.charCodeAt(i));
const isAsciiLetter = (s: string, i: number) => isAsciiLetterCode(s.charCodeAt(i));

/**
 * Every registry alias in `text` (any script: matched on Simplified, case-folded text),
 * leftmost-longest, non-overlapping. ASCII aliases respect word boundaries.
 */
export function scanRegistry(text: string, matchText: string): RegistryHit[] {
  const hits: RegistryHit[] = [];
  let i = 0;
  const n = matchText.length;
  while (i < n) {
    const first = matchText.charCodeAt(i);
    let node = startsAlias[first] === 1 ? root.next.get(first) : undefined;
    if (!node || (isAsciiWord(matchText, i) && isAsciiWord(matchText, i - 1))) {
      i++;
      continue;
    }
    let bestEnd = -1;
    let bestTargets: Target[] | null = null;
    let j = i + 1;
    for (;;) {
      if (node.targets) {
        const end = j;
        const okBoundary = !isAsciiWord(matchText, end - 1) || !isAsciiLetter(matchText, end);
        if (okBoundary) {
          let targets = node.targets;
          if (node.anyExact) {
            const surface = text.slice(i, end);
            targets = targets.filter((t) => !t.exact || t.exact === surface);
          }
          if (targets.length) {
            bestEnd = end;
            bestTargets = targets;
          }
        }
      }
      if (j >= n) break;
      const nx = node.next.get(matchText.charCodeAt(j));
      if (!nx) break;
      node = nx;
      j++;
    }
    if (bestTargets) {
      for (const t of bestTargets)
        hits.push(
          t.gated
            ? { kind: t.kind, key: t.key, start: i, end: bestEnd, gated: true }
            : { kind: t.kind, key: t.key, start: i, end: bestEnd },
        );
      i = bestEnd;
    } else i++;
  }
  return hits;
}

/** Look a single phrase up (a field value such as 金融科技): exact alias match first. */
export function lookupPhrase(phrase: string, kind: RegistryKind): string | null {
  const m = toSimplified(phrase.trim()).toLowerCase();
  let node: TrieNode | undefined = root;
  for (const ch of m) {
    node = node.next.get(ch.codePointAt(0)!);
    if (!node) return null;
  }
  return node.targets?.find((t) => t.kind === kind)?.key ?? null;
}

/** Every alias string of the registry, for jieba's user dictionary. */
export function allModelAndOrgAliases(): string[] {
  const out: string[] = [];
  for (const m of MODELS.values()) out.push(m.nameZh, ...m.aliases);
  for (const o of ORGANIZATIONS.values()) out.push(o.nameZh, ...o.aliases);
  return out.filter((a) => /\p{Script=Han}/u.test(a));
}
