/** Display names of AWS regions; an unknown code shows as itself. */
const NAMES: Record<string, string> = {
  'us-east-1': 'US East (N. Virginia)', 'us-east-2': 'US East (Ohio)', 'us-west-1': 'US West (N. California)', 'us-west-2': 'US West (Oregon)',
  'ca-central-1': 'Canada (Central)', 'sa-east-1': 'South America (São Paulo)',
  'eu-west-1': 'Europe (Ireland)', 'eu-west-2': 'Europe (London)', 'eu-west-3': 'Europe (Paris)', 'eu-central-1': 'Europe (Frankfurt)',
  'eu-central-2': 'Europe (Zurich)', 'eu-north-1': 'Europe (Stockholm)', 'eu-south-1': 'Europe (Milan)', 'eu-south-2': 'Europe (Spain)',
  'ap-south-1': 'Asia Pacific (Mumbai)', 'ap-northeast-1': 'Asia Pacific (Tokyo)', 'ap-northeast-2': 'Asia Pacific (Seoul)', 'ap-northeast-3': 'Asia Pacific (Osaka)',
  'ap-southeast-1': 'Asia Pacific (Singapore)', 'ap-southeast-2': 'Asia Pacific (Sydney)', 'ap-east-1': 'Asia Pacific (Hong Kong)',
  'me-south-1': 'Middle East (Bahrain)', 'af-south-1': 'Africa (Cape Town)', global: 'Global',
};

export function awsRegionName(code: string): string {
  return NAMES[code] ?? code;
}

/** Cost Explorer's value for costs without a region. */
export const NO_REGION = 'NoRegion';
