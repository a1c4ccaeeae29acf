import { DateTimeResolver, JSONObjectResolver, JSONResolver, UUIDResolver } from 'graphql-scalars';
import { GraphQLScalarType } from 'graphql';

/** A graphql-scalars scalar with the platform's bilingual description. */
const describe = (scalar: GraphQLScalarType, description: string): GraphQLScalarType => new GraphQLScalarType({ ...scalar.toConfig(), description });

/** The scalars every module uses, from graphql-scalars. */
export const DateTimeScalar = describe(DateTimeResolver, '日期时间。An RFC 3339 date-time with offset, e.g. 2025-03-25T09:00:00.000Z.');
export const UUIDScalar = describe(UUIDResolver, '唯一标识。An RFC 4122 UUID, e.g. 7f3c2a9e-5b1d-4c8a-9e2f-0a1b2c3d4e5f.');
export const JSONScalar = describe(JSONResolver, 'JSON 值。Any JSON value.');
export const JSONObjectScalar = describe(JSONObjectResolver, 'JSON 对象。A JSON object, e.g. a GeoJSON geometry.');

/** Maps TypeScript types to scalars so `@Field() createdAt: Date` needs no explicit type. */
export const scalarsMap = [{ type: Date, scalar: DateTimeScalar }];
