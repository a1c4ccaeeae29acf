import { registerEnumType } from 'type-graphql';

/** 灾害信息员 posts: every village and community keeps a primary (A岗) and a backup (B岗). */
export enum DisasterOfficerRole {
  A = 'A',
  B = 'B',
}

registerEnumType(DisasterOfficerRole, {
  name: 'DisasterOfficerRole',
  description: '灾害信息员岗位。Whether the officer holds the primary or the backup post.',
  valuesConfig: {
    A: { description: 'A岗。Primary officer: reports disasters first (灾情报送).' },
    B: { description: 'B岗。Backup officer: reports when the primary officer cannot.' },
  },
});
