/**
 * Reads what-if changes as people type them, several at once separated by ";", "," or "and":
 *   EC2 -20% from 2026-12            service:"Amazon EC2" +15%        cut account:Sandbox by 50%
 *   add 500/month for service:BigQuery from 2027-01                  remove 1.2k/month for tag:team=data
 *   stop account:Sandbox from next month                             apply recommendation rec-1a2b3c4d5e
 * "from" takes 2027-01, 2027-01-15, next month, Q1 2027, january 2027, today; without it a change
 * starts today. A bare scope is a service ("EC2"), or a provider when it names one ("aws").
 */
import { canonicalProvider } from '../cost-record';
import { addDays, addMonths, firstDayOfMonth, monthOf, type Day } from '../days';
import { AppError } from '../errors';
import { decimalToNanos, type Nanos } from '../money';
import { parsePeriod } from '../period';
import type { SimChange, SimScope } from './changes';

const EXAMPLES = '`EC2 -20% from 2027-01`, `add 500/month for service:BigQuery from 2027-01`, `stop account:Sandbox from next month` or `apply recommendation rec-…`';
const PROVIDERS = new Set(['aws', 'gcp', 'azure', 'oci', 'google cloud', 'amazon web services', 'microsoft azure']);

export class SimulationError extends AppError {
  constructor(message: string) {
    super('QUERY_INVALID', message);
  }
}

export function parseChanges(text: string, today: Day): SimChange[] {
  const parts = splitOutsideQuotes(text).filter((p) => p !== '');
  if (parts.length === 0) throw new SimulationError(`What should change? Try ${EXAMPLES}; combine several with ";".`);
  return parts.map((part) => parseChange(part, today));
}

/** Splits on ";", ", " (not the comma of 1,500) and the word "and", except inside quotes. */
function splitOutsideQuotes(text: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    const andHere = !quoted && /^\sand\s/i.test(text.slice(i, i + 5));
    const comma = c === ',' && /\s/.test(text[i + 1] ?? ' ');
    if (!quoted && (c === ';' || comma || andHere)) {
      out.push(current.trim());
      current = '';
      if (andHere) i += 4;
      continue;
    }
    current += c;
  }
  out.push(current.trim());
  return out;
}

const FROM = String.raw`(?:\s+(?:from|starting|as of)\s+(.+))?`;
const APPLY = new RegExp(String.raw`^apply\s+(?:the\s+)?(?:recommendation\s+)?(rec-[0-9a-f]{6,})${FROM}$`, 'i');
// Read after ADD, so "remove 500/month" is an amount and "remove account:X" a stop.
const STOP = new RegExp(String.raw`^(?:stop|turn off|shut down|remove)\s+(.+?)${FROM}$`, 'i');
const ADD = new RegExp(String.raw`^(add|remove)\s+(\S+?)\s*(?:\/\s*|\s+per\s+|\s+a\s+)(?:month|mo)(?:\s+(?:for|to|on|in|of)\s+(.+?))?${FROM}$`, 'i');
const PERCENT = new RegExp(String.raw`^(.+?)\s+([+\-\u2212]\s*\d+(?:\.\d+)?)\s*%${FROM}$`, 'i');
const BY = new RegExp(String.raw`^(cut|reduce|lower|raise|increase|grow)\s+(.+?)\s+by\s+(\d+(?:\.\d+)?)\s*%${FROM}$`, 'i');

function parseChange(text: string, today: Day): SimChange {
  const when = (w: string | undefined) => (w === undefined ? today : parseWhen(w, today));
  let m = APPLY.exec(text);
  if (m) return { kind: 'recommendation', id: m[1]!.toLowerCase(), from: when(m[2]), text };
  m = ADD.exec(text);
  if (m) {
    const amount = parseAmount(m[2]!);
    return { kind: 'add', scope: m[3] ? parseScope(m[3]) : { kind: 'total' }, monthly: m[1]!.toLowerCase() === 'remove' ? -amount : amount, from: when(m[4]), text };
  }
  m = STOP.exec(text);
  if (m) return { kind: 'stop', scope: parseScope(m[1]!), from: when(m[2]), text };
  m = BY.exec(text);
  if (m) {
    const down = /^(cut|reduce|lower)$/i.test(m[1]!);
    return { kind: 'percent', scope: parseScope(m[2]!), percent: (down ? -1 : 1) * Number(m[3]), from: when(m[4]), text };
  }
  m = PERCENT.exec(text);
  if (m) return { kind: 'percent', scope: parseScope(m[1]!), percent: Number(m[2]!.replace(/\s|−/g, (c) => (c === '−' ? '-' : ''))), from: when(m[3]), text };
  throw new SimulationError(`I can't read the change "${text}". Try ${EXAMPLES}.`);
}

/** "500", "$1,500", "1.5k", "2m". */
export function parseAmount(text: string): Nanos {
  const m = /^\$?([\d,]*\.?\d+)([km])?$/i.exec(text.trim());
  const base = m ? decimalToNanos(m[1]!.replace(/,/g, '')) : undefined;
  if (!m || base === undefined) throw new SimulationError(`"${text}" is not an amount; write it like 500, 1,500 or 1.5k.`);
  const factor = m[2]?.toLowerCase() === 'k' ? 1_000n : m[2]?.toLowerCase() === 'm' ? 1_000_000n : 1n;
  return base * factor;
}

export function parseScope(text: string): SimScope {
  const t = text.trim().replace(/^the\s+/i, '');
  if (/^(total|all|everything|all spend|all costs)$/i.test(t)) return { kind: 'total' };
  const tag = /^tag:\s*"?([^"=]+?)"?\s*=\s*"?([^"]+?)"?$/i.exec(t);
  if (tag) return { kind: 'tag', key: tag[1]!.trim(), value: tag[2]!.trim() };
  const dim = /^(service|account|provider|cloud|region):\s*"?([^"]+?)"?$/i.exec(t);
  if (dim) {
    const kind = dim[1]!.toLowerCase() === 'cloud' ? 'provider' : (dim[1]!.toLowerCase() as 'service' | 'account' | 'provider' | 'region');
    return { kind, value: kind === 'provider' ? canonicalProvider(dim[2]!) : dim[2]!.trim() };
  }
  const bare = t.replace(/^"|"$/g, '').trim();
  if (!bare) throw new SimulationError(`A change needs a scope, like EC2, service:BigQuery, account:Sandbox or tag:team=data.`);
  if (PROVIDERS.has(bare.toLowerCase())) return { kind: 'provider', value: canonicalProvider(bare) };
  return { kind: 'service', value: bare };
}

export function parseWhen(text: string, today: Day): Day {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (t === 'today' || t === 'now') return today;
  if (t === 'tomorrow') return addDays(today, 1);
  if (t === 'next month') return firstDayOfMonth(monthOf(addMonths(today, 1)));
  if (t === 'next quarter') {
    const month = Number(today.slice(5, 7));
    return addMonths(`${today.slice(0, 4)}-${String(Math.floor((month - 1) / 3) * 3 + 1).padStart(2, '0')}-01`, 3);
  }
  if (t === 'next year') return `${Number(today.slice(0, 4)) + 1}-01-01`;
  try {
    return parsePeriod(t, today).range.start;
  } catch {
    throw new SimulationError(`I can't read "${text}" as a start; use 2027-01, 2027-01-15, next month or Q1 2027.`);
  }
}
