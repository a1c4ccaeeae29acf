import { registerEnumType } from 'type-graphql';

export enum Gender {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
}

registerEnumType(Gender, {
  name: 'Gender',
  description: '性别。Gender as recorded on the ID card.',
  valuesConfig: { MALE: { description: '男。Male.' }, FEMALE: { description: '女。Female.' } },
});
