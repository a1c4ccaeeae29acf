import { accessModule } from '@platform/access';
import type { DomainModule } from '@platform/core';
import { directoryModule } from '@platform/directory';
import type { GraphQLClient, GraphQLResponse } from '@platform/testing';
import { riskModule } from '@domains/risk';
import { preparednessModule } from '@domains/preparedness';
import { commandModule } from '@domains/command';
import { communityModule } from '@domains/community';
import { warningsModule } from '@domains/warnings';
import { responseModule } from '@domains/response';
import { enforcementModule } from '@domains/enforcement';
import { reportingModule } from '../src/index';

/** The modules the reporting tests start: the module and every one it reads (with the modules they read). */
export const MODULES: DomainModule[] = [directoryModule, accessModule, riskModule, preparednessModule, commandModule, communityModule, warningsModule, responseModule, enforcementModule, reportingModule];

/** The data of a request that must succeed. */
export async function dataOf(client: GraphQLClient, query: string, variables?: Record<string, unknown>): Promise<Record<string, any>> {
  const res = await client(query, variables);
  expect(res.body.errors).toBeUndefined();
  return res.body.data!;
}

/** A mutation taking one `input` of `type`, selecting `fields` of its answer. */
export function mutation(client: GraphQLClient, name: string, type: string, input: Record<string, unknown>, fields: string): Promise<GraphQLResponse> {
  return client(`mutation($input: ${type}!) { ${name}(input: $input) { ${fields} } }`, { input });
}

/** The same mutation, which must succeed: its answer. */
export async function mutated<T = any>(client: GraphQLClient, name: string, type: string, input: Record<string, unknown>, fields: string): Promise<T> {
  const res = await mutation(client, name, type, input, fields);
  expect(res.body.errors).toBeUndefined();
  return res.body.data![name] as T;
}
