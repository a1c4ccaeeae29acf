/** A class constructor, as type-graphql and TypeORM take them. */
export type ClassType<T = any> = new (...args: any[]) => T;
