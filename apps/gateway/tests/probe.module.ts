import { Arg, Ctx, Field, FieldResolver, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import {
  Attachment,
  BadUserInputError,
  PUBLIC_OPERATION,
  RequirePermission,
  UUIDScalar,
  attachmentsOf,
  audit,
  claimAttachments,
  definePermissions,
  transaction,
  type DomainModule,
  type RequestContext,
} from '@platform/core';

/** A throw-away module for kernel tests: one table, one query, two mutations. */
@ObjectType({ description: '探针。A probe row written by kernel tests.' })
@Entity('probe')
export class Probe {
  @Field({ description: '标识。Probe id.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: '名称。Probe name.' })
  @Column({ type: 'text' })
  name: string;
}

class CreateProbe1764400900000 implements MigrationInterface {
  name = 'CreateProbe1764400900000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE probe (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), name text NOT NULL)`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE probe`);
  }
}

@Resolver(() => Probe)
class ProbeResolver {
  @Query(() => Number, { description: '探针数量。How many probes exist.' })
  @RequirePermission('probe.probe:read')
  async probeCount(@Ctx() ctx: RequestContext): Promise<number> {
    return ctx.manager.count(Probe);
  }

  @Query(() => Number, { description: '失败探针。Runs broken SQL: an internal error the client must only see masked.' })
  @RequirePermission(PUBLIC_OPERATION)
  async probeBrokenSql(@Ctx() ctx: RequestContext): Promise<number> {
    await ctx.manager.query(`SELECT secret_column FROM no_such_table WHERE password = 'x'`);
    return 0;
  }

  @Mutation(() => Probe, { description: '写探针。Writes a probe, audits it and emits an event.' })
  @RequirePermission('probe.probe:write')
  writeProbe(@Ctx() ctx: RequestContext, @Arg('name', { description: '名称。Probe name.' }) name: string, @Arg('fail', { defaultValue: false, description: '失败。Fail after writing.' }) fail: boolean): Promise<Probe> {
    return transaction(ctx, async (tx) => {
      const probe = await tx.manager.save(tx.manager.create(Probe, { name }));
      await audit(tx, { action: 'probe.probe.create', entityType: 'Probe', entityId: probe.id });
      await tx.emit('probe.created', { id: probe.id });
      if (fail) throw BadUserInputError.field('fail', 'mustBeFalse', 'asked to fail after writing.');
      return probe;
    });
  }

  @Mutation(() => Probe, { description: '附加文件。Links uploaded files to a probe, readable within an organization\'s subtree.' })
  @RequirePermission('probe.probe:write')
  attachToProbe(
    @Ctx() ctx: RequestContext,
    @Arg('probeId', () => UUIDScalar, { description: '探针。The probe.' }) probeId: string,
    @Arg('organizationId', () => UUIDScalar, { description: '组织。Whose scope decides who may download.' }) organizationId: string,
    @Arg('attachmentIds', () => [UUIDScalar], { description: '附件。Uploaded file ids.' }) attachmentIds: string[],
  ): Promise<Probe> {
    return transaction(ctx, async (tx) => {
      const [org] = await tx.manager.query(`SELECT id, path::text AS path FROM organization WHERE id = $1`, [organizationId]);
      await claimAttachments(tx, attachmentIds, { entityType: 'Probe', entityId: probeId, readPermission: 'probe.probe:read', organization: org }, 'attachmentIds');
      await audit(tx, { action: 'probe.probe.attach', entityType: 'Probe', entityId: probeId });
      return tx.manager.findOneByOrFail(Probe, { id: probeId });
    });
  }

  @FieldResolver(() => [Attachment], { description: '附件。Files linked to the probe.' })
  attachments(@Ctx() ctx: RequestContext, @Root() probe: Probe): Promise<Attachment[]> {
    return attachmentsOf(ctx, 'Probe').load(probe.id);
  }
}

export const probeModule: DomainModule = {
  name: 'probe',
  description: '探针。Test-only module.',
  entities: [Probe],
  resolvers: [ProbeResolver],
  migrations: [CreateProbe1764400900000],
  permissions: definePermissions([
    { code: 'probe.probe:read', nameZh: '读探针', description: 'Read probes.', grantedTo: { 'village-officer': 'ORG_SUBTREE', 'town-safety-office': 'ALL' } },
    { code: 'probe.probe:write', nameZh: '写探针', description: 'Write probes.' },
  ]),
};
