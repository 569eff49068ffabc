export enum OrganisationKind {
  STATE = 'STATE',
  DISTRICT = 'DISTRICT',
  AMT = 'AMT',
  MUNICIPALITY = 'MUNICIPALITY',
  SERVICE_PROVIDER = 'SERVICE_PROVIDER',
  OTHER = 'OTHER',
}

export enum InterfaceKind {
  XOEV_STANDARD = 'XOEV_STANDARD',
  TRANSPORT = 'TRANSPORT',
  PORTAL_COMPONENT = 'PORTAL_COMPONENT',
  OTHER = 'OTHER',
}

/** The forges a service's repository may live on: GitHub (or GitHub Enterprise) and GitLab (Open CoDE, self-hosted). */
export enum Forge {
  GITHUB = 'GITHUB',
  GITLAB = 'GITLAB',
}
