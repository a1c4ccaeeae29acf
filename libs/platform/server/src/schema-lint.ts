import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
  isUnionType,
  type GraphQLSchema,
} from 'graphql';

const HAS_CHINESE = /[\u4e00-\u9fff]/;
const HAS_ENGLISH = /[A-Za-z]{2,}/;

/**
 * Every type, field, argument, input field and enum value must have a description with the
 * Chinese term and English text. Returns the schema coordinates that lack one.
 */
export function undescribed(schema: GraphQLSchema): string[] {
  const bad: string[] = [];
  const check = (coordinate: string, description: string | null | undefined) => {
    if (!description || !HAS_CHINESE.test(description) || !HAS_ENGLISH.test(description)) bad.push(coordinate);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || (isScalarType(type) && isSpecifiedScalarType(type))) continue;
    if (['Query', 'Mutation', 'Subscription'].includes(type.name)) {
      // Root types describe themselves through their fields.
    } else {
      check(type.name, type.description);
    }
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        check(`${type.name}.${field.name}`, field.description);
        for (const arg of field.args) check(`${type.name}.${field.name}(${arg.name}:)`, arg.description);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) check(`${type.name}.${field.name}`, field.description);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) check(`${type.name}.${value.name}`, value.description);
    } else if (isUnionType(type)) {
      // members are described on their own
    }
  }
  return bad;
}
