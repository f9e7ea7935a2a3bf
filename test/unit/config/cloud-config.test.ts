import { loadConfig } from '../../../src/config/config';

const SUB = 'subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590';

describe('cloud settings', () => {
  it('defaults when nothing is set, and treats empty values as unset', () => {
    const empty = { PENNY_SOURCES: '', PENNY_BACKFILL_DAYS: ' ', PENNY_SYNC_TIME: '', PENNY_AWS_CE_MONTHLY_REQUEST_CAP: '' };
    for (const env of [{}, empty]) {
      expect(loadConfig(env).cloud).toEqual({
        sources: [],
        gcp: { billingTable: undefined, bigqueryEndpoint: undefined },
        azure: { scopes: [], resourceManagerEndpoint: undefined, authorityHost: undefined },
        aws: { monthlyRequestCap: 1000 },
        sync: { backfillDays: 90, reviseDays: 3, time: '06:00' },
      });
    }
  });

  it('reads every setting', () => {
    const cloud = loadConfig({
      PENNY_SOURCES: 'AWS, gcp,azure',
      PENNY_GCP_BILLING_TABLE: 'my-billing-proj.billing_ds.gcp_billing_export_v1_0123AB_4567CD_89EF01',
      PENNY_GCP_BIGQUERY_ENDPOINT: 'http://127.0.0.1:9050',
      PENNY_AZURE_SCOPES: `/${SUB}/, ${SUB}/resourceGroups/rg-data`,
      AZURE_RESOURCE_MANAGER_ENDPOINT: 'https://127.0.0.1:9443',
      PENNY_BACKFILL_DAYS: '120',
      PENNY_SYNC_REVISE_DAYS: '5',
      PENNY_SYNC_TIME: '04:30',
      PENNY_AWS_CE_MONTHLY_REQUEST_CAP: '250',
    }).cloud;
    expect(cloud).toMatchObject({
      sources: ['aws', 'gcp', 'azure'],
      gcp: { billingTable: 'my-billing-proj.billing_ds.gcp_billing_export_v1_0123AB_4567CD_89EF01', bigqueryEndpoint: 'http://127.0.0.1:9050' },
      azure: { scopes: [SUB, `${SUB}/resourceGroups/rg-data`], resourceManagerEndpoint: 'https://127.0.0.1:9443' },
      aws: { monthlyRequestCap: 250 },
      sync: { backfillDays: 120, reviseDays: 5, time: '04:30' },
    });
  });

  it.each([
    [{ PENNY_SOURCES: 'aws,oci' }, 'PENNY_SOURCES'],
    [{ PENNY_SOURCES: 'gcp' }, 'PENNY_GCP_BILLING_TABLE is required when PENNY_SOURCES includes gcp'],
    [{ PENNY_GCP_BILLING_TABLE: 'proj.ds.t; DROP TABLE x' }, 'PENNY_GCP_BILLING_TABLE must be project.dataset.table'],
    [{ PENNY_GCP_BILLING_TABLE: 'ds.table' }, 'PENNY_GCP_BILLING_TABLE must be project.dataset.table'],
    [{ PENNY_SOURCES: 'azure' }, 'PENNY_AZURE_SCOPES is required'],
    [{ PENNY_AZURE_SCOPES: 'providers/Microsoft.Billing/billingAccounts/1' }, 'PENNY_AZURE_SCOPES'],
    [{ PENNY_BACKFILL_DAYS: '0' }, 'PENNY_BACKFILL_DAYS'],
    [{ PENNY_SYNC_REVISE_DAYS: 'three' }, 'PENNY_SYNC_REVISE_DAYS'],
    [{ PENNY_SYNC_TIME: '25:00' }, 'PENNY_SYNC_TIME must be a 24-hour time'],
    [{ PENNY_AWS_CE_MONTHLY_REQUEST_CAP: '-1' }, 'PENNY_AWS_CE_MONTHLY_REQUEST_CAP'],
    [{ PENNY_GCP_BIGQUERY_ENDPOINT: 'localhost:9050' }, 'PENNY_GCP_BIGQUERY_ENDPOINT must be an http(s) URL'],
  ])('names the bad variable: %p', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});
