import { registerEnumType } from '@nestjs/graphql';

export enum Role {
  OPERATOR = 'OPERATOR',
  MAINTAINER = 'MAINTAINER',
  REVIEWER_USABILITY = 'REVIEWER_USABILITY',
  REVIEWER_SECURITY = 'REVIEWER_SECURITY',
  REVIEWER_INTERFACES = 'REVIEWER_INTERFACES',
  MUNICIPALITY_ADMIN = 'MUNICIPALITY_ADMIN',
}

registerEnumType(Role, { name: 'Role' });

export const ALL_ROLES: readonly Role[] = Object.values(Role);

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ALL_ROLES as readonly string[]).includes(value);
}
