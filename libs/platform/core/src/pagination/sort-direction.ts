import { registerEnumType } from 'type-graphql';

/** Sort direction shared by every list's `orderBy`. */
export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}

registerEnumType(SortDirection, {
  name: 'SortDirection',
  description: '排序方向。Order of a sort key.',
  valuesConfig: {
    ASC: { description: '升序。Smallest (or earliest, or A) first.' },
    DESC: { description: '降序。Largest (or latest, or Z) first.' },
  },
});
