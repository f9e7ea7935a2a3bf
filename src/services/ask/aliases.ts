/**
 * The curated names people use for providers, services and regions. Each alias points at words
 * found in the providers' own names, so it resolves against whatever the store actually holds.
 */

export const PROVIDER_WORDS: Record<string, string> = {
  aws: 'aws', amazon: 'aws', 'amazon web services': 'aws',
  azure: 'azure', microsoft: 'azure', 'microsoft azure': 'azure', msft: 'azure',
  gcp: 'gcp', google: 'gcp', 'google cloud': 'gcp', 'google cloud platform': 'gcp',
  oracle: 'oci', oci: 'oci', 'oracle cloud': 'oci', 'oracle cloud infrastructure': 'oci',
};

export interface ServiceAlias {
  says: string[];
  /** Whole-word phrases of normalized service names; "=name" means the exact name. */
  means: string[];
  not?: string[];
}

/**
 * Generic words (VMs, Kubernetes) deliberately span clouds; a provider word narrows them
 * ("Azure VMs"). An exact service name always wins over an alias of the same length.
 */
export const SERVICE_ALIASES: ServiceAlias[] = [
  { says: ['ec2', 'amazon ec2', 'aws ec2'], means: ['elastic compute cloud', 'ec2 other'] },
  { says: ['ebs'], means: ['elastic block store'] },
  { says: ['s3'], means: ['simple storage service'] },
  { says: ['rds'], means: ['relational database service'] },
  { says: ['lambda', 'lambdas'], means: ['lambda'] },
  { says: ['dynamo', 'dynamodb', 'dynamo db'], means: ['dynamodb'] },
  { says: ['cloudwatch', 'cloud watch'], means: ['cloudwatch', 'amazoncloudwatch'] },
  { says: ['cloudfront'], means: ['cloudfront'] },
  { says: ['vpc', 'nat gateway', 'nat gateways'], means: ['virtual private cloud'] },
  { says: ['load balancer', 'load balancers', 'load balancing', 'elb', 'alb', 'nlb'], means: ['load balancing', 'load balancer'] },
  { says: ['ecs'], means: ['elastic container service'], not: ['kubernetes'] },
  { says: ['eks'], means: ['elastic kubernetes service', 'elastic container service for kubernetes'] },
  { says: ['ecr', 'container registry'], means: ['container registry'] },
  { says: ['sqs'], means: ['simple queue service'] },
  { says: ['sns'], means: ['simple notification service'] },
  { says: ['efs'], means: ['elastic file system'] },
  { says: ['kms'], means: ['key management service'] },
  { says: ['route 53', 'route53'], means: ['route 53'] },
  { says: ['cloudtrail', 'cloud trail'], means: ['cloudtrail'] },
  { says: ['ssm'], means: ['systems manager'] },
  { says: ['step functions', 'stepfunctions'], means: ['step functions'] },
  { says: ['openshift', 'rosa'], means: ['openshift'] },
  { says: ['gce', 'google compute engine'], means: ['compute engine'] },
  { says: ['bigquery', 'big query', 'bq'], means: ['bigquery'] },
  { says: ['gcs', 'google cloud storage'], means: ['cloud storage'] },
  { says: ['gke', 'google kubernetes engine'], means: ['kubernetes engine'] },
  { says: ['vertex'], means: ['vertex ai'] },
  { says: ['vm', 'vms'], means: ['elastic compute cloud', 'compute engine', '=virtual machines', 'virtual machine scale sets'] },
  { says: ['vmss', 'scale sets'], means: ['virtual machine scale sets'] },
  { says: ['blob', 'blob storage', 'storage account', 'azure storage'], means: ['storage accounts', '=storage'] },
  { says: ['aks'], means: ['azure kubernetes service'] },
  { says: ['azure sql', 'sql database'], means: ['sql database'] },
  { says: ['azure ml', 'aml'], means: ['azure machine learning'] },
  { says: ['mysql'], means: ['mysql'] },
  { says: ['log analytics'], means: ['azure monitor', 'log analytics'] },
  { says: ['kubernetes', 'k8s'], means: ['kubernetes'] },
  { says: ['oci compute', 'oracle compute'], means: ['=compute'] },
  { says: ['block storage'], means: ['=block storage', 'elastic block store'] },
];

/** Human names of cloud regions, by region id. */
export const REGION_NAMES: Record<string, string[]> = {
  'us-east-1': ['n virginia', 'northern virginia', 'virginia', 'us east n virginia'],
  'us-east-2': ['ohio', 'us east ohio'],
  'us-west-1': ['n california', 'northern california', 'us west n california'],
  'us-west-2': ['oregon', 'us west oregon'],
  'ca-central-1': ['canada central'],
  'sa-east-1': ['sao paulo', 'são paulo'],
  'eu-central-1': ['frankfurt', 'eu frankfurt'],
  'eu-west-1': ['ireland', 'eu ireland'],
  'eu-west-2': ['london', 'eu london'],
  'eu-west-3': ['paris', 'eu paris'],
  'eu-north-1': ['stockholm', 'eu stockholm'],
  'af-south-1': ['cape town'],
  'me-south-1': ['bahrain'],
  'ap-northeast-1': ['tokyo'],
  'ap-northeast-2': ['seoul'],
  'ap-south-1': ['mumbai'],
  'ap-south-2': ['hyderabad'],
  'ap-southeast-1': ['singapore'],
  'ap-southeast-2': ['sydney'],
  eastus: ['east us'],
  eastus2: ['east us 2'],
  westus: ['west us'],
  westus2: ['west us 2'],
  centralus: ['central us'],
  westeurope: ['west europe'],
  northeurope: ['north europe'],
  'us-central1': ['iowa'],
  'europe-west1': ['belgium'],
};

/** Region labels too vague to stand for one region ("External" is AWS's label for global traffic). */
export const VAGUE_REGION_LABELS = new Set(['external', 'global', 'united states', 'europe', 'india', 'canada', 'middle east', 'south america', 'asia', 'us']);

/** Service categories: Penny filters by service, so these are recognised and declined honestly. */
export const SERVICE_CATEGORY_WORDS: Record<string, string> = {
  compute: 'Compute', storage: 'Storage', networking: 'Networking', network: 'Networking', databases: 'Databases',
  database: 'Databases', analytics: 'Analytics', security: 'Security', integration: 'Integration', identity: 'Identity',
  'machine learning': 'AI and Machine Learning', ai: 'AI and Machine Learning', 'management and governance': 'Management and Governance',
};

/** Normalizes a stored name the way questions are normalized: lower case, words only. */
export function nameWords(name: string): string {
  return name
    .toLowerCase()
    .replace(/[_()[\],.:]/g, ' ')
    .replace(/\s+-\s+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Services an alias stands for, among the service names in the store. */
export function servicesForAlias(alias: ServiceAlias, services: readonly string[]): string[] {
  return services.filter((name) => {
    const words = ` ${nameWords(name)} `;
    const hit = alias.means.some((m) => (m.startsWith('=') ? words.trim() === m.slice(1) : words.includes(` ${m} `)));
    return hit && !(alias.not ?? []).some((n) => words.includes(` ${n} `));
  });
}
