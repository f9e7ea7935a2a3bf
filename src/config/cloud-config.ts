/**
 * Settings of the cloud cost sources and their sync. An empty value counts as unset. Cloud
 * credentials are not here: each SDK finds its own (AWS default chain, Google ADC, Azure
 * DefaultAzureCredential), and AWS_ENDPOINT_URL_COST_EXPLORER is read by the AWS SDK itself.
 */
import { z } from 'zod';

export const CLOUD_SOURCES = ['aws', 'gcp', 'azure'] as const;
export type CloudSourceId = (typeof CLOUD_SOURCES)[number];

const unsetIfEmpty = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v);
const opt = <T extends z.ZodType>(schema: T) => z.preprocess(unsetIfEmpty, schema.optional());
const int = (min: number, max: number, fallback: number) => z.preprocess(unsetIfEmpty, z.coerce.number().int().min(min).max(max).default(fallback));
const url = opt(z.string().refine((v) => /^https?:\/\/[^\s]+$/.test(v), 'must be an http(s) URL'));

const BQ_TABLE = /^[a-z][a-z0-9-]{4,28}[a-z0-9]\.[A-Za-z0-9_]{1,1024}\.[A-Za-z0-9_$-]{1,1024}$/;
const AZURE_SCOPE = /^subscriptions\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(\/resourceGroups\/[-\w.()]{1,90})?$/i;

export const cloudSchema = z
  .object({
    PENNY_SOURCES: z.preprocess(
      (v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean) : []),
      z.array(z.enum(CLOUD_SOURCES, { message: 'must be a comma list of aws, gcp, azure' })),
    ),
    PENNY_GCP_BILLING_TABLE: opt(z.string().regex(BQ_TABLE, 'must be project.dataset.table (the billing export table)')),
    PENNY_GCP_BIGQUERY_ENDPOINT: url,
    PENNY_AZURE_SCOPES: z.preprocess(
      (v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim().replace(/^\//, '').replace(/\/$/, '')).filter(Boolean) : []),
      z.array(z.string().regex(AZURE_SCOPE, 'must list scopes like subscriptions/<subscription id>')),
    ),
    AZURE_RESOURCE_MANAGER_ENDPOINT: url,
    AZURE_AUTHORITY_HOST: url,
    PENNY_BACKFILL_DAYS: int(1, 1100, 90),
    PENNY_SYNC_REVISE_DAYS: int(0, 60, 3),
    PENNY_SYNC_TIME: z.preprocess(unsetIfEmpty, z.string().default('06:00').refine((v) => /^([01]\d|2[0-3]):[0-5]\d$/.test(v), 'must be a 24-hour time HH:MM such as 06:00')),
    PENNY_AWS_CE_MONTHLY_REQUEST_CAP: int(0, 10_000_000, 1000),
  })
  .superRefine((c, ctx) => {
    if (c.PENNY_SOURCES.includes('gcp') && !c.PENNY_GCP_BILLING_TABLE) {
      ctx.addIssue({ code: 'custom', path: ['PENNY_GCP_BILLING_TABLE'], message: 'is required when PENNY_SOURCES includes gcp' });
    }
    if (c.PENNY_SOURCES.includes('azure') && c.PENNY_AZURE_SCOPES.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['PENNY_AZURE_SCOPES'], message: 'is required when PENNY_SOURCES includes azure' });
    }
  });

export interface CloudConfig {
  sources: CloudSourceId[];
  gcp: { billingTable?: string; bigqueryEndpoint?: string };
  azure: { scopes: string[]; resourceManagerEndpoint?: string; authorityHost?: string };
  aws: { monthlyRequestCap: number };
  sync: { backfillDays: number; reviseDays: number; time: string };
}

export function toCloudConfig(c: z.infer<typeof cloudSchema>): CloudConfig {
  return {
    sources: [...new Set(c.PENNY_SOURCES)],
    gcp: { billingTable: c.PENNY_GCP_BILLING_TABLE, bigqueryEndpoint: c.PENNY_GCP_BIGQUERY_ENDPOINT },
    azure: { scopes: c.PENNY_AZURE_SCOPES, resourceManagerEndpoint: c.AZURE_RESOURCE_MANAGER_ENDPOINT, authorityHost: c.AZURE_AUTHORITY_HOST },
    aws: { monthlyRequestCap: c.PENNY_AWS_CE_MONTHLY_REQUEST_CAP },
    sync: { backfillDays: c.PENNY_BACKFILL_DAYS, reviseDays: c.PENNY_SYNC_REVISE_DAYS, time: c.PENNY_SYNC_TIME },
  };
}
