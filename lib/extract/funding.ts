// Funding rounds and listings: a completion verb with a round, an amount or a valuation
// (完成超10亿美元的B轮融资，由阿里巴巴领投) and a listing verb with its exchange (在港交所主板挂牌),
// each tied to the organisation it is about and dated as events are. The words live in
// data/funding.json. Investors and companies the registry does not know are kept as discovered
// organisations, so every investor of a round is an organisation of the extraction.
import type {
  ClaimBound,
  DatePoint,
  ExtractedEvent,
  ExtractedOrganization,
  FundingDetails,
  FundingRoundName,
  Investor,
  ListingDetails,
  Money,
} from "./types";
import type { ArticleContext } from "./context";
import { tag } from "./context";
import type { OrgMention } from "./organizations";
import { ANCHOR_REACH, startsPeriod, UNKNOWN_DATE, type DateHit } from "./dates";
import { parseNumber } from "./claims";
import { ORGANIZATIONS, lookupPhrase, scanRegistry } from "./registry";
import { evidenceOf, matchForm, slugify } from "./text";
import type { SentenceSpan } from "@/lib/text/body";
import lexicon from "./data/funding.json";
import PRIORS from "./data/confidence.json";

type Currency = Money["currency"];

const A = lexicon.amount;
const AMOUNT_SRC = `(${A.before})?(${A.number})?(${A.after})?(${Object.keys(A.multipliers).join("|")})?(${A.after})?(${A.currencies
  .map(([w]) => w)
  .join("|")})`;
const AMOUNT = new RegExp(AMOUNT_SRC, "g");
const CURRENCIES: [RegExp, Currency][] = A.currencies.map(([w, c]) => [new RegExp(`^(?:${w})$`), c as Currency]);
const MULTIPLIERS: Record<string, number> = A.multipliers;
const LOWER = new Set(A.lower);
const UPPER = new Set(A.upper);
const APPROX = new Set(A.approx);
const VAGUE = new Set(A.vague);

// the gap may hold 4,000 (a thousands comma) but no clause break
const TRIGGER = new RegExp(
  `(${lexicon.triggerVerbs})((?:[^，。；！？,;]|(?<=\\d),(?=\\d)){0,${lexicon.triggerGap}}?)(?:${lexicon.triggerNouns})`,
  "g",
);
const INVESTED_BY = new RegExp(`${lexicon.investedBy}`, "g");
const INVESTED_IN = new RegExp(lexicon.investedIn);
const ROUNDS: [RegExp, FundingRoundName][] = lexicon.rounds.map(([re, r]) => [
  new RegExp(re, "i"),
  r as FundingRoundName,
]);
const ROUND_COUNT = new RegExp(`${lexicon.roundCount}`);
const AMOUNT_AFTER = new RegExp(lexicon.amountAfter);
const VALUATION = new RegExp(`${lexicon.valuation}${AMOUNT_SRC}`, "g");
const VALUATION_ONLY = new RegExp(lexicon.valuationOnly, "g");
const POST_BASIS = new RegExp(lexicon.postBasis);
const PRE_BASIS = new RegExp(lexicon.preBasis);
const CONTINUATION = new RegExp(lexicon.continuation);
const LEAD = new RegExp(lexicon.lead);
const FOLLOW = new RegExp(lexicon.follow);
const LIST_PREFIX = new RegExp(lexicon.listPrefix);
const LIST_END = new RegExp(lexicon.listEnd);
const LIST_SPLIT = new RegExp(lexicon.listSplit, "g");
const GENERIC = new RegExp(lexicon.genericInvestor);
const GENERIC_WHOLE = new RegExp(lexicon.genericInvestorWhole);
const PRONOUN = new RegExp(lexicon.pronounSubject);
const ORG_SUFFIX = new RegExp(lexicon.orgSuffix);
const GENERIC_SUBJECT = new RegExp(lexicon.genericSubject);
const LIST_GOES_ON = new RegExp(lexicon.listGoesOn);
const RECENT = new RegExp(lexicon.recentWords);
const EARLIER = new RegExp(lexicon.earlierWords);
const DAY_BEFORE = new RegExp(lexicon.dayBeforeWords);
const FUNDING_CUE = new RegExp(lexicon.triggerNouns);

const L = lexicon.listing;
const EXCHANGES: [RegExp, string][] = L.exchanges.map(([w, code]) => [new RegExp(`^(?:${w})$`, "i"), code]);
const EXCHANGE_WORD = L.exchanges.map(([w]) => w).join("|");
const EXCHANGE_ANY = new RegExp(`${EXCHANGE_WORD}|${L.hongKong}`, "gi");
// an exchange, a board and the verb: 在港交所主板挂牌上市 / 在港上市 / 登陆科创板
const LISTING = new RegExp(
  `(?:(${EXCHANGE_WORD})|(${L.hongKong}))${L.board}(${L.verbs})|登陆(${EXCHANGE_WORD})|(挂牌上市|挂牌交易|挂牌)`,
  "gi",
);
const LISTING_CUE = new RegExp(L.verbs);
const BOARDS: Record<string, string> = L.boards;
const NOT_LISTED = new RegExp(L.notListed);
const NOT_LISTED_AFTER = new RegExp(L.notListedAfter);
const SEVERAL = new RegExp(L.several);
const RAISED = new RegExp(`(${L.raised})[^，。；]{0,8}?${AMOUNT_SRC}`, "g");
const RAISED_NET = new RegExp(L.raisedNet);

const MISSING = lexicon.confidenceMissing;
const NOT_A_COMPANY = new Set(["media", "government", "consultancy", "university"]);

export interface FundingExtraction {
  events: ExtractedEvent[];
  /** organisations the registry does not know, named as a round's company or investor */
  organizations: ExtractedOrganization[];
  mentions: OrgMention[];
  /** keys of the organisations that invested in a round */
  investors: Set<string>;
}

interface ParsedMoney {
  money: Money | null;
  /** a currency was named, the number too vague to keep (数亿美元) */
  vague: boolean;
  index: number;
  length: number;
}

function boundOf(before: string | undefined, after: string | undefined): ClaimBound {
  if ((after && LOWER.has(after)) || (before && LOWER.has(before))) return "lower";
  if (before && UPPER.has(before)) return "upper";
  if (before && APPROX.has(before)) return "approx";
  return "exact";
}

function currencyOf(word: string): Currency | null {
  for (const [re, c] of CURRENCIES) if (re.test(word)) return c;
  return null;
}

/** The amounts of money in `text`, in order (`超10亿美元` -> 1e9 USD lower; `数亿元` -> vague). */
function moneyIn(text: string): ParsedMoney[] {
  const out: ParsedMoney[] = [];
  AMOUNT.lastIndex = 0;
  for (let m = AMOUNT.exec(text); m; m = AMOUNT.exec(text)) {
    const [whole, before, num, after1, mult, after2, cur] = m;
    if (!whole) {
      AMOUNT.lastIndex++;
      continue;
    }
    const currency = currencyOf(cur);
    // a bare 元 is money only with a number or a multiplier before it
    if (!currency || (!num && !mult)) continue;
    const at = { index: m.index, length: whole.length };
    if (!num) {
      if (before && VAGUE.has(before)) out.push({ money: null, vague: true, ...at });
      else if (before && mult) {
        out.push({
          money: { value: MULTIPLIERS[mult], currency, bound: boundOf(before, undefined) },
          vague: false,
          ...at,
        });
      }
      continue;
    }
    if (before && VAGUE.has(before)) {
      out.push({ money: null, vague: true, ...at });
      continue;
    }
    const n = parseNumber(num.replace(/[,，]/g, ""));
    if (n === null || n <= 0) continue;
    const value = Number((n * (mult ? MULTIPLIERS[mult] : 1)).toPrecision(12));
    out.push({ money: { value, currency, bound: boundOf(before, after1 || after2) }, vague: false, ...at });
  }
  return out;
}

function roundOf(text: string): FundingRoundName | null {
  for (const [re, r] of ROUNDS) if (re.test(text)) return r;
  return null;
}

function exchangeOf(word: string): string | null {
  if (/港$/.test(word)) return "HKEX";
  for (const [re, code] of EXCHANGES) if (re.test(word)) return code;
  return null;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** A round or a listing of `companyKey`, reported by sentence `s`. */
function companyEvent(
  details: FundingDetails | ListingDetails,
  companyKey: string,
  date: DatePoint,
  s: SentenceSpan,
  confidence: number,
): ExtractedEvent {
  return {
    type: details.kind,
    modelKey: null,
    organizationKey: companyKey,
    date,
    evidence: evidenceOf(s),
    confidence: round3(confidence),
    details,
  };
}

/**
 * A name as written looks like one organisation's, not a description. In a list of investors the
 * list says it is a name; a clause subject (`strict`) must also end like a company or be tagged a noun.
 */
function looksLikeName(name: string, strict: boolean): boolean {
  if (name.length < 2 || name.length > 20) return false;
  if (/[的是将已在把被对从了]/.test(name)) return false;
  if (GENERIC.test(name) || GENERIC_WHOLE.test(name)) return false;
  if (!strict || /^[A-Za-z][A-Za-z0-9 .&-]*$/.test(name) || ORG_SUFFIX.test(name)) return true;
  return tag(name).every((w) => /^(?:n|nz|nr|nrt|nt|ns|eng|j|x|ng|g)$/.test(w.tag));
}

interface Ctx {
  ctx: ArticleContext;
  orgMentions: OrgMention[];
  organizations: ReadonlyMap<string, ExtractedOrganization>;
  discovered: Map<string, ExtractedOrganization>;
  mentions: OrgMention[];
  /** the date of the last happening read, what 前一天 counts from */
  lastDate: DatePoint | null;
}

function kindOf(c: Ctx, key: string) {
  return c.organizations.get(key)?.kind ?? c.discovered.get(key)?.kind ?? ORGANIZATIONS.get(key)?.kind ?? "company";
}

/** An organisation named at [start, end) of the body: the registry's, else a discovered one. */
function orgNamed(c: Ctx, start: number, end: number, asInvestor: boolean): { key: string; name: string } | null {
  const name = c.ctx.body.slice(start, end).trim();
  const core = name.replace(/[（(][^）)]*[）)]$/, "");
  // a registry organisation that is the whole name, or all of it but a parenthesis or a short tail (腾讯投资)
  const whole = c.orgMentions.find((o) => o.start === start && o.end <= end && o.end - start >= core.length - 2);
  if (whole) return { key: whole.key, name };
  if (!looksLikeName(name, !asInvestor)) return null;
  const known = lookupPhrase(core, "organization");
  if (known) return { key: known, name };
  const key = slugify(name);
  if (!c.organizations.has(key) && !c.discovered.has(key)) {
    c.discovered.set(key, {
      key,
      nameZh: name,
      nameEn: null,
      aliases: [],
      kind: "company",
      roles: [asInvestor ? "investor" : "other"],
      curated: false,
      sourceUrl: null,
    });
  }
  c.mentions.push({ key, start, end, text: name });
  return { key, name };
}

/** The company an article is about: the first company its title names. */
function titleCompany(ctx: ArticleContext): string | null {
  const title = ctx.article.title ?? "";
  for (const h of scanRegistry(title, matchForm(title))) {
    if (h.kind !== "organization") continue;
    if (!NOT_A_COMPANY.has(ORGANIZATIONS.get(h.key)?.kind ?? "company")) return h.key;
  }
  return null;
}

const SEPARATORS = new Set([..."，,；;：:。！？!?"].map((ch) => ch.charCodeAt(0)));
const OPEN = new Set([..."（("].map((ch) => ch.charCodeAt(0)));
const CLOSE = new Set([..."）)"].map((ch) => ch.charCodeAt(0)));

/** Start of the clause holding `offset`; a separator inside brackets (股份代号：2513) does not end one. */
function clauseStart(text: string, offset: number): number {
  let depth = 0;
  for (let i = offset - 1; i >= 0; i--) {
    const ch = text.charCodeAt(i);
    if (CLOSE.has(ch)) depth++;
    else if (OPEN.has(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && SEPARATORS.has(ch)) return i + 1;
  }
  return 0;
}

const DESCRIPTOR = /(?:公司|企业|厂商|独角兽|团队|机构|平台|初创|创业)/gu;
const TRAILING_ADVERBS =
  /(?:今天|今日|昨天|昨日|近日|日前|近期|目前|正式|已经|已|也|还|又|则|对外|宣布|再次|再度|成功|顺利|即将|将|在|于|即|\s)*$/u;

/** The clause before `at` with its dates, brackets and trailing adverbs taken out: its subject, if any. */
function subjectText(c: Ctx, from: number, at: number, si: number): string {
  let head = c.ctx.simple.slice(from, at);
  for (const d of c.ctx.datesIn(si)) {
    const a = Math.max(0, d.start - from);
    const b = Math.min(head.length, d.end - from);
    if (b > a) head = head.slice(0, a) + " ".repeat(b - a) + head.slice(b);
  }
  return head.replace(/[（(][^）)]*[）)]/g, (m) => " ".repeat(m.length)).replace(TRAILING_ADVERBS, "");
}

/**
 * The subject of the clause (星河智算科技今天宣布完成…) when the registry does not know it, kept
 * as a discovered organisation; undefined when the clause has no subject or a pronoun for one, null
 * when its subject is no organisation (人工智能企业赴港上市).
 */
function discoverSubject(c: Ctx, from: number, head: string): string | null | undefined {
  const m = /([\p{Script=Han}A-Za-z0-9·]{2,16})$/u.exec(head);
  if (!m) return undefined;
  let name = m[1];
  let cut = 0;
  for (const d of name.matchAll(DESCRIPTOR)) cut = d.index + d[0].length;
  name = name.slice(cut);
  if (PRONOUN.test(m[1]) || PRONOUN.test(head.trim())) return undefined;
  // 另一家大模型公司 / 人工智能企业: a description of some company, not a name
  if (cut > 0 || GENERIC_SUBJECT.test(m[1]) || GENERIC.test(m[1])) {
    if (name.length < 2) return null;
    const start = from + m.index + m[1].length - name.length;
    return orgNamed(c, start, start + name.length, false)?.key ?? null;
  }
  const start = from + m.index + m[1].length - name.length;
  return orgNamed(c, start, start + name.length, false)?.key;
}

function isExchange(text: string): boolean {
  EXCHANGE_ANY.lastIndex = 0;
  const m = EXCHANGE_ANY.exec(matchForm(text));
  return !!m && m[0].length === text.length;
}

/**
 * Who a round or listing at `at` is about: the organisation named before it in its clause, else
 * the clause's unknown subject, else (公司 / 其 / no subject) the sentence's first company, else the
 * company of the title. `fallback` says one of the last two was used.
 */
function companyAt(
  c: Ctx,
  si: number,
  at: number,
  exclude: Set<string>,
  pronoun = false,
): { key: string; fallback: boolean } | null {
  const s = c.ctx.sentences[si];
  const from = s.start + clauseStart(c.ctx.simple.slice(s.start, s.end), at - s.start);
  const usable = (o: OrgMention) => !exclude.has(o.key) && !NOT_A_COMPANY.has(kindOf(c, o.key)) && !isExchange(o.text);
  if (!pronoun) {
    const inClause = c.orgMentions.filter((o) => o.start >= from && o.end <= at && usable(o));
    if (inClause.length) return { key: inClause[inClause.length - 1].key, fallback: false };
    // a subject that is no name (起步时即获得…) leaves the sentence's company; a description, nobody
    const found = discoverSubject(c, from, subjectText(c, from, at, si));
    if (found === null) return null;
    if (found && !exclude.has(found)) return { key: found, fallback: false };
  }
  const first = c.orgMentions.find((o) => o.start >= s.start && o.end <= at && usable(o));
  if (first) return { key: first.key, fallback: true };
  const t = titleCompany(c.ctx);
  return t && !exclude.has(t) ? { key: t, fallback: true } : null;
}

/** The organisations a list names (阿里巴巴、腾讯、小米等老股东), as investors. */
function investorsIn(c: Ctx, text: string, offset: number, lead: boolean, into: Investor[]) {
  const prefix = LIST_PREFIX.exec(text)?.[0].length ?? 0;
  const rest = text.slice(prefix);
  const end = LIST_END.exec(rest);
  const list = end ? rest.slice(0, end.index) : rest;
  const items: [number, string][] = [];
  let from = 0;
  for (const sep of list.matchAll(LIST_SPLIT)) {
    items.push([from, list.slice(from, sep.index)]);
    from = sep.index + sep[0].length;
  }
  items.push([from, list.slice(from)]);
  for (const [at, part] of items) {
    const item = part.trim();
    if (!item) continue;
    const start = offset + prefix + at + (part.length - part.trimStart().length);
    const org = orgNamed(c, start, start + item.length, true);
    if (!org) continue;
    const seen = into.find((i) => i.key === org.key);
    if (seen) seen.lead ||= lead;
    else into.push({ key: org.key, name: org.name, lead });
  }
}

/** Investors of the clauses of `text` (the rest of a round's sentence, or a sentence that goes on about it). */
function investorsOf(c: Ctx, text: string, offset: number, into: Investor[]) {
  // clauses, and a colon starts a list (本轮投资方既有…：阿里巴巴、腾讯…)
  let start = 0;
  let inList = false;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !SEPARATORS.has(text.charCodeAt(i))) continue;
    const clause = text.slice(start, i);
    const lead = LEAD.test(clause);
    const listed: boolean = lead || FOLLOW.test(clause) || (inList && LIST_GOES_ON.test(clause));
    if (listed) investorsIn(c, clause, offset + start, lead, into);
    inList = listed;
    start = i + 1;
  }
}

function valuationIn(text: string, before: string): FundingDetails["valuation"] {
  VALUATION.lastIndex = 0;
  const m = VALUATION.exec(text);
  if (!m) return null;
  const money = moneyIn(m[0]).find((x) => x.money)?.money;
  if (!money) return null;
  const cue = m[1] ?? "";
  const basis = PRE_BASIS.test(cue)
    ? "pre"
    : POST_BASIS.test(cue) || POST_BASIS.test(before + text.slice(0, m.index))
      ? "post"
      : null;
  return { ...money, basis };
}

/** The day before a day-precision date, for 前一天. */
function dayBefore(p: DatePoint | null): DatePoint | null {
  if (!p?.value || p.precision !== "day") return null;
  const t = new Date(`${p.value}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() - 1);
  return { value: t.toISOString().slice(0, 10), precision: "day", inferred: true, text: "前一天" };
}

/**
 * A date for a happening at `at` in sentence si, as events are dated, and its confidence factor:
 * the sentence's own date nearest before it (the `nth` of `of` when one clause tells several, 8日和9日),
 * else none for a vague earlier word, the article's month for a vague recent one, the day before
 * the last happening for 前一天, else the paragraph's last date, else the article's date.
 */
function dateOf(c: Ctx, si: number, at: number, nth = 0, of = 1): { date: DatePoint; factor: number } {
  const { ctx } = c;
  const s = ctx.sentences[si];
  const text = ctx.simple.slice(s.start, s.end);
  const before = ctx.datesIn(si).filter((h) => h.point.value && h.start <= at);
  const after = ctx.datesIn(si).filter((h) => h.point.value && h.start > at);
  const own: DateHit | undefined =
    of > 1 && before.length >= of ? before[before.length - of + nth] : (before[before.length - 1] ?? after[0]);
  if (own) return { date: own.point, factor: PRIORS.eventDate.own };
  const head = text.slice(clauseStart(text, at - s.start), at - s.start);
  if (EARLIER.test(head)) return { date: UNKNOWN_DATE, factor: PRIORS.eventDate.none };
  const doc = ctx.documentDate?.point;
  if (RECENT.test(head) && doc?.value) {
    const month = { ...doc, value: doc.value.slice(0, 7), precision: "month" as const, inferred: true };
    return { date: month, factor: PRIORS.eventDate.document };
  }
  const prior = DAY_BEFORE.test(text.slice(0, at - s.start)) ? dayBefore(c.lastDate) : null;
  if (prior) return { date: prior, factor: PRIORS.eventDate.inherited };
  // the paragraph's last date, within the anchor's reach
  for (let k = si - 1; k >= Math.max(0, si - ANCHOR_REACH); k--) {
    const p = ctx.sentences[k];
    if (ctx.body.slice(p.end, ctx.sentences[k + 1].start).includes("\n")) break;
    const pt = ctx.simple.slice(p.start, p.end);
    const ds = ctx.datesIn(k).filter((d) => d.point.value && !startsPeriod(pt, d, p.start));
    if (ds.length) return { date: ds[ds.length - 1].point, factor: PRIORS.eventDate.inherited };
  }
  if (doc?.value) return { date: { ...doc, inferred: true }, factor: PRIORS.eventDate.document };
  return { date: UNKNOWN_DATE, factor: PRIORS.eventDate.none };
}

/** Dates that can name the same day: equal, or one unknown, or one the other at a coarser precision. */
const datesAgree = (a: DatePoint, b: DatePoint) =>
  !a.value || !b.value || a.value.startsWith(b.value) || b.value.startsWith(a.value);

function sameHappening(a: ExtractedEvent, b: ExtractedEvent): boolean {
  if (a.type !== b.type || !datesAgree(a.date, b.date)) return false;
  const [x, y] = [a.details, b.details];
  if (x?.kind === "listing" && y?.kind === "listing") return !x.exchange || !y.exchange || x.exchange === y.exchange;
  if (x?.kind !== "funding" || y?.kind !== "funding") return false;
  if (x.round !== y.round) return false;
  if (x.round === "unknown" && a.date.value !== b.date.value) return false;
  return !x.amount || !y.amount || (x.amount.currency === y.amount.currency && x.amount.value === y.amount.value);
}

/** Fill what the first telling left out from a later one (the more precise date, the amount, investors). */
function merge(into: ExtractedEvent, from: ExtractedEvent) {
  if (!into.date.value || (from.date.value && from.date.value.length > into.date.value.length)) into.date = from.date;
  into.confidence = Math.max(into.confidence, from.confidence);
  const [x, y] = [into.details, from.details];
  if (x?.kind === "funding" && y?.kind === "funding") {
    x.amount ??= y.amount;
    x.valuation ??= y.valuation;
    for (const i of y.investors) {
      const seen = x.investors.find((j) => j.key === i.key);
      if (seen) seen.lead ||= i.lead;
      else x.investors.push(i);
    }
  } else if (x?.kind === "listing" && y?.kind === "listing") {
    x.exchange ??= y.exchange;
    x.amount ??= y.amount;
  }
}

/** Funding rounds and listings of an article. Organisations it discovers are returned, not added. */
export function extractFunding(
  ctx: ArticleContext,
  orgMentions: OrgMention[],
  organizations: ReadonlyMap<string, ExtractedOrganization>,
): FundingExtraction {
  const c: Ctx = { ctx, orgMentions, organizations, discovered: new Map(), mentions: [], lastDate: null };
  const events: ExtractedEvent[] = [];
  const investors = new Set<string>();
  let articleExchange: string | null | undefined;
  const exchangeOfArticle = () => {
    if (articleExchange !== undefined) return articleExchange;
    const counts = new Map<string, number>();
    for (const m of ctx.simple.matchAll(EXCHANGE_ANY)) {
      const code = exchangeOf(m[0]);
      if (code) counts.set(code, (counts.get(code) ?? 0) + 1);
    }
    articleExchange = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
    return articleExchange;
  };
  const push = (e: ExtractedEvent) => {
    if (e.date.value) c.lastDate = e.date;
    // the same round or listing told again (此次B轮融资由…领投) adds what it tells to the first telling
    const same = events.find((x) => x.organizationKey === e.organizationKey && sameHappening(x, e));
    if (same) {
      merge(same, e);
      return;
    }
    events.push(e);
  };
  for (let si = 0; si < ctx.sentences.length; si++) {
    const s = ctx.sentences[si];
    const text = ctx.simple.slice(s.start, s.end);
    if (FUNDING_CUE.test(text)) fundingIn(c, si, text, push, investors);
    if (LISTING_CUE.test(text)) listingsIn(c, si, text, push, exchangeOfArticle);
  }
  return { events, organizations: [...c.discovered.values()], mentions: c.mentions, investors };
}

interface Trigger {
  at: number;
  end: number;
  span: string;
  /** length of the verb that opens the span (完成, 获得) */
  verb: number;
  /** X向Y投资 / X完成对Y的投资: the investor comes first, the company Y at `targetAt` */
  target?: string;
  targetAt?: number;
}

function fundingIn(c: Ctx, si: number, text: string, push: (e: ExtractedEvent) => void, investorKeys: Set<string>) {
  const { ctx } = c;
  const s = ctx.sentences[si];
  const abs = (i: number) => s.start + i;
  const found: Trigger[] = [];
  TRIGGER.lastIndex = 0;
  for (let m = TRIGGER.exec(text); m; m = TRIGGER.exec(text)) {
    const into = INVESTED_IN.exec(m[2]);
    const f: Trigger = { at: m.index, end: m.index + m[0].length, span: m[0], verb: m[1].length };
    if (into) Object.assign(f, { target: into[1], targetAt: m.index + m[1].length + 1 });
    found.push(f);
  }
  INVESTED_BY.lastIndex = 0;
  for (let m = INVESTED_BY.exec(text); m; m = INVESTED_BY.exec(text)) {
    const at = m.index;
    if (found.some((f) => at >= f.at && at < f.end)) continue;
    found.push({ at, end: at + m[0].length, span: m[0], verb: 0, target: m[1], targetAt: at + 1 });
  }
  found.sort((a, b) => a.at - b.at);
  if (!found.length) {
    VALUATION_ONLY.lastIndex = 0;
    const m = VALUATION_ONLY.exec(text);
    if (m) valuationOnly(c, si, m.index, text.slice(m.index), push);
    return;
  }

  for (const [fi, f] of found.entries()) {
    if (ROUND_COUNT.test(f.span)) continue;
    const after = text.slice(f.end, found[fi + 1]?.at ?? text.length);
    let round = roundOf(f.span);
    // the amount inside the trigger, right after it, or in the next clause (，金额为50亿元人民币)
    let money: ParsedMoney | undefined = moneyIn(f.span)[0];
    if (!money) money = moneyIn(after.slice(0, 12)).find((x) => x.index <= 2);
    if (!money) {
      const next = AMOUNT_AFTER.exec(after);
      if (next) money = moneyIn(after.slice(next[0].length)).find((x) => x.index === 0);
    }
    const investors: Investor[] = [];
    let exclude = new Set<string>();
    let company: { key: string; fallback: boolean } | null = null;
    if (f.target !== undefined) {
      if (!money) continue;
      const from = clauseStart(text, f.at);
      const ds = ctx.datesIn(si).filter((d) => d.start >= abs(from) && d.end <= abs(f.at));
      const by = ds.length ? ds[ds.length - 1].end - s.start : from;
      investorsIn(c, text.slice(by, f.at), abs(by), false, investors);
      if (!investors.length) continue;
      exclude = new Set(investors.flatMap((i) => (i.key ? [i.key] : [])));
      round ??= "strategic";
      const targetAt = f.targetAt ?? f.at + 1;
      const target = f.target;
      const named = c.orgMentions.find((o) => o.start >= abs(targetAt) && o.end <= abs(targetAt + target.length));
      if (named) company = { key: named.key, fallback: false };
      else if (PRONOUN.test(target) || !target) company = companyAt(c, si, abs(f.at), exclude, true);
      else {
        const o = orgNamed(c, abs(targetAt), abs(targetAt + target.length), false);
        company = o ? { key: o.key, fallback: false } : null;
      }
    } else if (LEAD.test(f.span)) {
      // a lead named inside the trigger: 获阿里巴巴领投的B轮融资
      const gap = f.span.slice(f.verb);
      investorsIn(c, gap.slice(0, gap.search(LEAD)), abs(f.at + f.verb), true, investors);
    }
    investorsOf(c, after, abs(f.end), investors);
    let valuation =
      valuationIn(after, text.slice(0, f.end)) ?? (f.target === undefined ? valuationIn(f.span, "") : null);
    if (!round && !money && !valuation && fi < found.length - 1) continue;
    company ??= companyAt(c, si, abs(f.at), exclude);
    if (!company) continue;
    const self = company.key;
    // sentences that go on about this round (本轮投资方包括…; 交易完成后，公司估值…)
    if (fi === found.length - 1) {
      for (let k = si + 1, n = 0; k < ctx.sentences.length && n < lexicon.continuationReach; k++, n++) {
        const p = ctx.sentences[k];
        if (ctx.body.slice(ctx.sentences[k - 1].end, p.start).includes("\n")) break;
        const pt = ctx.simple.slice(p.start, p.end);
        TRIGGER.lastIndex = 0;
        if (TRIGGER.test(pt)) break;
        if (CONTINUATION.test(pt)) {
          investorsOf(c, pt, p.start, investors);
          valuation ??= valuationIn(pt, "");
        } else {
          const other = c.orgMentions.some(
            (o) => o.start >= p.start && o.end <= p.end && o.key !== self && !investors.some((i) => i.key === o.key),
          );
          if (n === 0 && !other && (POST_BASIS.test(pt) || PRE_BASIS.test(pt))) valuation ??= valuationIn(pt, "");
          break;
        }
      }
      TRIGGER.lastIndex = 0;
    }
    if (!round && !money && !valuation) continue;
    const kept = investors.filter((i) => i.key !== company.key);
    for (const i of kept) if (i.key) investorKeys.add(i.key);
    const { date, factor } = dateOf(c, si, abs(f.at));
    const amount = money?.money ?? null;
    const details: FundingDetails = { kind: "funding", round: round ?? "unknown", amount, valuation, investors: kept };
    const confidence =
      PRIORS.eventType.funding *
      factor *
      (round ? 1 : MISSING.round) *
      (amount ? 1 : MISSING.amount) *
      (company.fallback ? MISSING.company : 1);
    push(companyEvent(details, company.key, date, s, confidence));
  }
}

/** A round known only by the valuation it left: its company, no amount, dated by its own clause alone. */
function valuationOnly(c: Ctx, si: number, at: number, rest: string, push: (e: ExtractedEvent) => void) {
  const s = c.ctx.sentences[si];
  const valuation = valuationIn(rest, rest);
  if (!valuation) return;
  const company = companyAt(c, si, s.start + at, new Set());
  if (!company) return;
  const text = c.ctx.simple.slice(s.start, s.end);
  const from = s.start + clauseStart(text, at);
  const own = c.ctx.datesIn(si).find((h) => h.point.value && h.start >= from && h.start < s.start + at);
  const date = own?.point ?? UNKNOWN_DATE;
  const factor = own ? PRIORS.eventDate.own : PRIORS.eventDate.none;
  const details: FundingDetails = { kind: "funding", round: "unknown", amount: null, valuation, investors: [] };
  const confidence =
    PRIORS.eventType.funding * factor * MISSING.round * MISSING.amount * (company.fallback ? MISSING.company : 1);
  push(companyEvent(details, company.key, date, s, confidence));
}

function listingsIn(
  c: Ctx,
  si: number,
  text: string,
  push: (e: ExtractedEvent) => void,
  exchangeOfArticle: () => string | null,
) {
  const s = c.ctx.sentences[si];
  LISTING.lastIndex = 0;
  for (let m = LISTING.exec(text); m; m = LISTING.exec(text)) {
    const [whole, exch, hk, board, , landed] = m;
    const end = m.index + whole.length;
    if (NOT_LISTED_AFTER.test(text.slice(end))) continue;
    const from = clauseStart(text, m.index);
    const head = text.slice(from, m.index);
    // a plan, a hope or a denial, in the clause or a short one before it (市场预计，X将…挂牌)
    const before = from > 0 ? text.slice(clauseStart(text, from - 1), from - 1) : "";
    if (NOT_LISTED.test(head) || (before.length <= 8 && NOT_LISTED.test(before))) continue;
    let exchange = exchangeOf(exch ?? landed ?? (hk ? "港" : ""));
    if (exchange && board) exchange = BOARDS[`${exchange} ${board}`] ?? exchange;
    if (!exchange) {
      EXCHANGE_ANY.lastIndex = 0;
      const named = EXCHANGE_ANY.exec(text);
      exchange = named ? exchangeOf(named[0]) : exchangeOfArticle();
    }
    const at = s.start + m.index;
    // 智谱与MiniMax先后在港交所挂牌: one listing each, dated in the order the clause gives
    const keys = SEVERAL.test(head)
      ? [
          ...new Set(
            c.orgMentions
              .filter(
                (o) =>
                  o.start >= s.start + from &&
                  o.end <= at &&
                  !NOT_A_COMPANY.has(kindOf(c, o.key)) &&
                  !isExchange(o.text),
              )
              .map((o) => o.key),
          ),
        ]
      : [];
    const one = keys.length > 1 ? null : companyAt(c, si, at, new Set());
    const companies = keys.length > 1 ? keys.map((key) => ({ key, fallback: false })) : one ? [one] : [];
    for (const [i, company] of companies.entries()) {
      const { date, factor } = dateOf(c, si, at, i, companies.length);
      const details: ListingDetails = { kind: "listing", exchange, amount: raisedFor(c, si, company.key) };
      const confidence =
        PRIORS.eventType.listing *
        factor *
        (exchange ? 1 : MISSING.exchange) *
        (company.fallback ? MISSING.company : 1);
      push(companyEvent(details, company.key, date, s, confidence));
    }
  }
}

/**
 * The amount a listing raised: from its sentence and the next few of its paragraph that name no
 * other organisation; the gross amount (集资总额, 发行规模) before the net one (所得款项净额).
 */
function raisedFor(c: Ctx, si: number, company: string): Money | null {
  const { ctx } = c;
  let net: Money | null = null;
  for (let k = si; k < ctx.sentences.length && k <= si + L.raisedReach; k++) {
    const p = ctx.sentences[k];
    if (k > si && ctx.body.slice(ctx.sentences[k - 1].end, p.start).includes("\n")) break;
    const others = c.orgMentions.some(
      (o) => o.start >= p.start && o.end <= p.end && o.key !== company && !NOT_A_COMPANY.has(kindOf(c, o.key)),
    );
    if (k > si && others) break;
    const pt = ctx.simple.slice(p.start, p.end);
    RAISED.lastIndex = 0;
    for (let m = RAISED.exec(pt); m; m = RAISED.exec(pt)) {
      const money = moneyIn(m[0].slice(m[1].length)).find((x) => x.money)?.money;
      if (!money) continue;
      if (!RAISED_NET.test(m[1])) return money;
      net ??= money;
    }
  }
  return net;
}
