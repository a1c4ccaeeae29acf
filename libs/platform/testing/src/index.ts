export { createTestDatabase, type TestDatabase } from './test-database';
export { startTestGateway, type TestGateway, type GraphQLResponse } from './test-gateway';
export { enterpriseInput, uniqueCreditCode, uniqueName } from './factories';
