/**
 * The words of cost questions that are not names: what they signal, and the filler around them.
 * Phrases are lower case and normalized like questions (see text.ts).
 */
import type { ChargeCategory, Metric } from '../../domain/cost-record';
import type { PlainGroupDim } from '../../domain/cost-query';

export type Cue =
  | 'why' | 'forecast' | 'budget' | 'anomaly' | 'recommend' | 'future'
  | 'compare' | 'baseline' | 'up' | 'down' | 'change' | 'superlative' | 'group' | 'only' | 'not' | 'cost' | 'trend';

export type Word =
  | { role: 'cue'; cue: Cue }
  /** A dimension noun; `implied` ones ("daily") group without a "by". */
  | { role: 'dim'; dim: PlainGroupDim; plural: boolean; implied?: boolean }
  | { role: 'metric'; metric: Metric }
  | { role: 'category'; category: ChargeCategory }
  | { role: 'unsupported'; what: string }
  | { role: 'filler' };

const cue = (c: Cue, phrases: string): [string, Word][] => phrases.split('|').map((p) => [p, { role: 'cue', cue: c }]);
const dim = (d: PlainGroupDim, singular: string, plural: string): [string, Word][] => [
  ...singular.split('|').map((p): [string, Word] => [p, { role: 'dim', dim: d, plural: false }]),
  ...plural.split('|').map((p): [string, Word] => [p, { role: 'dim', dim: d, plural: true }]),
];
const implied = (d: PlainGroupDim, phrases: string): [string, Word][] => phrases.split('|').map((p) => [p, { role: 'dim', dim: d, plural: true, implied: true }]);
const metric = (m: Metric, phrases: string): [string, Word][] => phrases.split('|').map((p) => [p, { role: 'metric', metric: m }]);
const category = (c: ChargeCategory, phrases: string): [string, Word][] => phrases.split('|').map((p) => [p, { role: 'category', category: c }]);
const unsupported = (what: string, phrases: string): [string, Word][] => phrases.split('|').map((p) => [p, { role: 'unsupported', what }]);

const FILLER = `a|an|the|and|or|of|on|in|into|for|to|at|from|with|about|as|is|are|was|were|be|been|being|it|its|this|that|these|those|there|here|
  what|whats|how|hows|much|many|did|do|does|done|we|us|our|ours|i|me|my|you|your|they|their|them|so|far|just|also|still|all|overall|total|totals|
  please|pls|plz|thanks|thank|thx|ty|hey|hi|hello|yo|penny|bot|can|could|would|should|might|may|will you|would you|can you|could you|tell|show|give|get|got|let|know|see|check|
  quick|question|wondering|curious|need|want|like|look|looking|looked|figure|find|out|up to|currently|current|now|right|exactly|roughly|approximately|
  approx|around|about|total cost|grand total|in total|altogether|combined|whole|entire|full|cloud|clouds|infra|infrastructure|company|org|
  organization|team wide|has|have|had|having|go|went|gone|going|come|came|been|been like|then|again|amount|amounts|number|numbers|figure|figures|
  summary|summarize|report|give me|breakdown of|latest|recent|recently|some|any|anything|something|stuff|things|thing|lot|lots|bit|
  one|ones|ok|okay|well|oh|um|uh|hmm|btw|fyi|re|regarding|guys|folks|team|everyone|real|actual|actually|really|very|same|period|time|
  during|over|across the board|between|versus|if|when|where|who|whose|happening|happened|happen|looks|looking|doing|did it|
  used|use|using|usage|consumption|consumed|run|running|ran|incurred|incur|charged|owe|owed|being charged|last|past|previous|prior|whole month|
  everything|each|every|both|either|other|else|only|just|yet|already|today|hours|hour|bucket|buckets|line items|items|item|dollars|usd|bucks|money|budgeted|including|include|includes|included|counting|count|equivalent|value|worth|q|tag|tags|tagged|labeled|labelled|label|with tag|with the tag`;

export const LEXICON = new Map<string, Word>([
  ...FILLER.split('|').map((w) => w.trim().replace(/\s+/g, ' ')).filter((w) => w !== '').map((w): [string, Word] => [w, { role: 'filler' }]),
  ...cue('cost', 'cost|costs|costing|spend|spends|spending|spent|pay|paying|paid|bill|billing|bills|charge|charges|expense|expenses|expensive|burn|burned|price|priced'),
  ...cue('why', 'why|what caused|what drove|what is driving|driving|drove|drivers|driver|explain|explanation|reason|reasons|how come|cause|caused|behind|responsible'),
  ...cue('forecast', 'forecast|forecasted|forecasting|projected|projection|project to|will we|will it|will our|will the|will be|going to spend|gonna|expect|expected|expecting|month-end|month end|end of the month|end of month|eom|end of the year|year-end|year end|run rate|run-rate|on pace|pace|trajectory|estimate|estimated|predict|prediction|land|landing'),
  ...cue('budget', 'budget|budgets|over budget|under budget|within budget|on track|off track|overspend|overspending|overspent|allowance'),
  ...cue('anomaly', 'spike|spikes|spiky|anomaly|anomalies|anomalous|unusual|unexpected|weird|strange|odd|abnormal|outlier|outliers|surprise|surprises|surprising|irregular|suspicious'),
  ...cue('recommend', 'save|saving|savings|cheaper|reduce|reducing|cut|cutting|lower our|optimize|optimise|optimizing|optimising|optimization|optimisation|recommend|recommendation|recommendations|rightsize|rightsizing|right-size|waste|wasted|wasting|idle|unused|tips|advice|suggestions|trim'),
  ...cue('future', 'next|tomorrow|upcoming|coming|will'),
  ...cue('compare', 'compare|compared|comparing|comparison|contrast'),
  // Words after which comes the baseline of a comparison ("vs last month", "than AWS").
  ...cue('baseline', 'vs|vs.|versus|compared to|compared with|comparing to|comparing with|against|relative to|than|as opposed to|in comparison to|in comparison with'),
  ...cue('up', 'up|increase|increased|increases|increasing|rose|rise|risen|rising|grew|grow|grows|growing|growth|higher|more|jump|jumped|jumps|climb|climbed|climbing|went up|go up|gone up|shot up|ballooned|bigger|gained'),
  ...cue('down', 'down|decrease|decreased|decreasing|dropped|drop|drops|fell|fall|falling|shrank|shrink|shrunk|lower|less|declined|decline|declining|smaller|went down|go down|gone down'),
  ...cue('change', 'change|changed|changes|changing|moved|move|movers|mover|moving|difference|differ|different|delta|shift|shifted|swing|swings|variance|trended'),
  ...cue('superlative', 'most|biggest|largest|highest|top|most expensive|costliest|priciest|heaviest|main|leading|major|greatest|primary|dominant'),
  ...cue('group', 'by|per|which|what|each|for each|for every|every|across|breakdown|break down|broken down|split|split by|split out|grouped|grouped by|group by|among|itemized|itemised|list'),
  ...cue('only', 'only|just|solely|purely|alone'),
  ...cue('not', 'not|no|excluding|exclude|excludes|excluded|without|except|minus|ignoring|ignore|leaving out|leave out|not counting|not including|net of|other than|apart from|but not|ex'),
  ...cue('trend', 'trend|trends|trending|over time|timeline|time series|chart|graph|plot|history|evolution|evolve|evolved|evolving|look like|looked like'),
  ...dim('service', 'service|product', 'services|products'),
  ...dim('account', 'account|subscription|project|sub-account|subaccount|linked account', 'accounts|subscriptions|projects|sub-accounts|subaccounts|linked accounts'),
  ...dim('region', 'region|location|datacenter|data center', 'regions|locations|datacenters|data centers'),
  ...dim('provider', 'provider|cloud provider|vendor', 'providers|cloud providers|vendors|clouds'),
  ...dim('day', 'day', 'days'),
  ...dim('month', 'month', 'months'),
  ...implied('day', 'daily|day by day|day-by-day|per day|each day|every day|a day|day over day|dod'),
  ...implied('month', 'monthly|month by month|month-by-month|per month|each month|every month|a month|month over month|mom'),
  ...dim('charge-category', 'charge category|charge type|type of charge|kind of charge', 'charge categories|charge types|types of charges|kinds of charges'),
  ...metric('effective', 'amortized|amortised|amortization|amortisation|effective|effective cost|net amortized'),
  ...metric('list', 'list price|list prices|list cost|list costs|on-demand|on demand|ondemand|undiscounted|before discounts|retail|sticker price|public price|public prices|at list'),
  ...metric('billed', 'billed|billed cost|invoiced|unblended|cash|cash basis'),
  ...category('credit', 'credit|credits|promotional credits|promo credits'),
  ...category('tax', 'tax|taxes|vat|sales tax'),
  ...category('purchase', 'purchase|purchases|upfront|up-front|commitment purchases|reservation purchases|one-time purchases'),
  ...category('adjustment', 'adjustment|adjustments'),
  ...category('usage', 'usage charges|usage-based'),
  ...unsupported('data transfer (it is not a service in the cost data)', 'egress|data transfer|bandwidth|data out|transfer costs|network transfer'),
  ...unsupported('individual resources (costs are kept per service, account and region)', 'resource|resources|instance|instances|machine|machines|resource id|per resource|sku|skus|bucket level|cluster|clusters|node|nodes'),
  ...unsupported('per-user or per-customer unit costs', 'per user|per customer|per request|unit cost|unit costs|per employee|per seat'),
  ...unsupported('hourly costs (costs are kept per day)', 'hourly|per hour|by hour|each hour'),
  ...unsupported('commitment coverage and utilization', 'coverage|utilization|utilisation|reserved instance|reserved instances|ri coverage|savings plan|savings plans|commitment coverage'),
  ...unsupported('the cheapest or smallest items (answers rank from the largest)', 'cheapest|least|smallest|lowest|least expensive|bottom'),
  ...unsupported('averages and shares (answers give exact totals)', 'average|averages|avg|mean|median|per day average|share|percentage of|percent of|proportion|ratio'),
  ...unsupported('refunds, which providers record as credits or adjustments: ask for those', 'refund|refunds|refunded'),
  ...unsupported('service categories (ask by service, like "EC2" or "S3")', 'service category|service categories|category|categories'),
  ...unsupported('more than one breakdown at a time', 'and by|as well as by'),
]);

/** Number words people use for "top N" and "last N months". */
export const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, fifteen: 15, twenty: 20,
};

/** Longest lexicon phrase, in words. */
export const LEXICON_MAX_WORDS = Math.max(...[...LEXICON.keys()].map((k) => k.split(' ').length));
