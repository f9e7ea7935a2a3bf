import { loadConfig } from '../../../src/config/config';
import { fixedClock } from '../../../src/ports/clock';
import { cloudRequestCaps, createCloudSources } from '../../../src/sources/cloud-sources';

const clock = fixedClock('2024-10-20T00:00:00Z');

describe('createCloudSources', () => {
  it('builds the enabled sources in PENNY_SOURCES order, and nothing else', () => {
    const { cloud } = loadConfig({
      PENNY_SOURCES: 'azure,aws,gcp', PENNY_GCP_BILLING_TABLE: 'acme-billing.ds.gcp_billing_export_v1_X',
      PENNY_AZURE_SCOPES: 'subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590', AZURE_AUTHORITY_HOST: 'https://login.example.test',
    });
    expect(createCloudSources(cloud, { clock }).map((s) => [s.id, s.maxRangeDays])).toEqual([['azure', 31], ['aws', 31], ['gcp', 31]]);
    expect(createCloudSources(loadConfig({}).cloud, { clock })).toEqual([]);
  });

  it('carries the Cost Explorer cap from config', () => {
    expect(cloudRequestCaps(loadConfig({ PENNY_AWS_CE_MONTHLY_REQUEST_CAP: '250' }).cloud)).toEqual({ aws: { limit: 250, setting: 'PENNY_AWS_CE_MONTHLY_REQUEST_CAP', api: 'Cost Explorer' } });
  });
});
