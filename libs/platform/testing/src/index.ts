export { createTestDatabase, type TestDatabase } from './test-database';
export { DEMO_PASSWORD, GRAPHQL_ROUTE, QUIET_SWEEPS, checkedBody, checkedErrors, startTestGateway, type GraphQLClient, type GraphQLResponse, type TestGateway } from './test-gateway';
export { enterpriseInput, uniqueCreditCode, uniqueName } from './factories';
export { connect, disconnectAll, pause, subscribe, until, type Subscription } from './subscriptions';
export { dataOf, errorOf, fieldsOf, mutated, mutation, ok } from './responses';
export { rawQuery, type RawResponse } from './read-paths';
export { PAGE_ARGS, PAGE_VARS, expectPagedCompletely, expectTurnaround, followPages, pageOf, walkedPage, type FollowedPages, type NodeIdentity } from './paging';
