import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { IsOptional, IsString } from 'class-validator';
import {
  Connection,
  Node,
  PageArgs,
  RequirePermission,
  SortDirection,
  UUIDScalar,
  defineScopedEntity,
  definePermissions,
  records,
  sql,
  type ConnectionResult,
  type DomainModule,
  type RequestContext,
} from '@platform/core';

/**
 * A test-only module whose data access is written with the kernel's data layer alone: the entities
 * declare their row scope, and no query below mentions scope. Used to show that the kernel applies
 * it on every path.
 */
@ObjectType({ implements: Node, description: '巡查记录（探针）。A probe record kept at an organization.' })
@Entity('scoped_probe')
export class ScopedProbe extends Node {
  @Field(() => UUIDScalar, { description: '标识。Id.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => UUIDScalar, { description: '组织。Where it is kept.' })
  @Column({ type: 'uuid' })
  organizationId: string;

  @Field({ description: '标题。Title.' })
  @Column({ type: 'text' })
  title: string;
}

@ObjectType({ implements: Node, description: '备注（探针）。A note on a probe record; in scope when its record is.' })
@Entity('scoped_probe_note')
export class ScopedProbeNote extends Node {
  @Field(() => UUIDScalar, { description: '标识。Id.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => UUIDScalar, { description: '记录。The probe record.' })
  @Column({ type: 'uuid' })
  probeId: string;

  @Field({ description: '内容。Text.' })
  @Column({ type: 'text' })
  text: string;
}

@ObjectType({ description: '统计（探针）。Counts at one organization.' })
class ScopedProbeTally {
  @Field(() => UUIDScalar, { description: '组织。The organization.' })
  organizationId: string;

  @Field(() => Int, { description: '记录数。Records.' })
  records: number;

  @Field(() => Int, { description: '备注数。Notes on them.' })
  notes: number;
}

const READ = 'probe.scoped:read';
export const ScopedProbes = defineScopedEntity(ScopedProbe, { table: 'scoped_probe', scope: { organizationColumn: 'organization_id' }, read: READ });
export const ScopedProbeNotes = defineScopedEntity(ScopedProbeNote, { table: 'scoped_probe_note', scope: { through: { entity: ScopedProbes, column: 'probe_id' } }, read: READ });

const ScopedProbeConnection = Connection(ScopedProbe, '巡查记录（探针）');
const ScopedProbeNoteConnection = Connection(ScopedProbeNote, '备注（探针）');
const BY_TITLE = [
  { column: 't.title', direction: SortDirection.ASC },
  { column: 't.id', direction: SortDirection.ASC },
];

@ArgsType()
class ScopedProbeArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: '标题包含。Text in the title.' })
  @IsOptional()
  @IsString()
  search?: string;
}

@Resolver(() => ScopedProbe)
class ScopedProbeResolver {
  @Query(() => ScopedProbeConnection, { description: '巡查记录列表。Probe records.' })
  @RequirePermission(READ)
  scopedProbes(@Ctx() ctx: RequestContext, @Args(() => ScopedProbeArgs) args: ScopedProbeArgs): Promise<ConnectionResult<ScopedProbe>> {
    const base = records(ctx, ScopedProbes);
    const filtered = args.search ? base.where(sql`t.title LIKE ${`%${args.search}%`}`) : base;
    return filtered.page({ keys: BY_TITLE, page: args, withCount: true });
  }

  @Query(() => Int, { description: '巡查记录数。How many.' })
  @RequirePermission(READ)
  scopedProbeCount(@Ctx() ctx: RequestContext): Promise<number> {
    return records(ctx, ScopedProbes).count();
  }

  @Query(() => ScopedProbe, { nullable: true, description: '巡查记录。One by id.' })
  @RequirePermission(READ)
  scopedProbe(@Ctx() ctx: RequestContext, @Arg('id', () => UUIDScalar, { description: '标识。Id.' }) id: string): Promise<ScopedProbe | null> {
    return records(ctx, ScopedProbes).one(id);
  }

  @Query(() => ScopedProbeNote, { nullable: true, description: '备注。One note by id.' })
  @RequirePermission(READ)
  scopedProbeNote(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: '标识。Id.' }) id: string): Promise<ScopedProbeNote | null> {
    return records(ctx, ScopedProbeNotes).one(id);
  }

  @Query(() => [String], { description: '有备注含此文字的记录。Titles of records with a note containing the text (an EXISTS subquery over the notes, both scopes applied).' })
  @RequirePermission(READ)
  async scopedProbeTitlesWithNote(@Ctx() ctx: RequestContext, @Arg('text', () => String, { description: '文字。Text.' }) text: string): Promise<string[]> {
    const notes = records(ctx, ScopedProbeNotes).as('n').where(sql`n.probe_id = t.id AND n.text LIKE ${`%${text}%`}`);
    const rows = await records(ctx, ScopedProbes).where(sql`EXISTS ${notes.subquery(sql`1`)}`).list({ keys: BY_TITLE, limit: 100 });
    return rows.map((r) => r.title);
  }

  @Query(() => [ScopedProbeTally], { description: '按组织统计。Records and their notes counted per organization (an aggregate).' })
  @RequirePermission(READ)
  scopedProbeTallies(@Ctx() ctx: RequestContext): Promise<ScopedProbeTally[]> {
    const notes = records(ctx, ScopedProbeNotes).as('n').where(sql`n.probe_id = t.id`);
    return records(ctx, ScopedProbes).aggregate<ScopedProbeTally>(sql`t.organization_id AS "organizationId", count(*)::int AS "records", sum(${notes.subquery(sql`count(*)`)})::int AS "notes"`, {
      groupBy: sql`t.organization_id`,
    });
  }

  @FieldResolver(() => ScopedProbeNoteConnection, { description: '备注。Its notes.' })
  async notes(@Ctx() ctx: RequestContext, @Root() probe: ScopedProbe, @Args(() => PageArgs) page: PageArgs): Promise<ConnectionResult<ScopedProbeNote>> {
    const pages = await records(ctx, ScopedProbeNotes).byParent('probe_id', [probe.id], { keys: BY_TEXT, page, withCount: true });
    return pages.get(probe.id)!;
  }
}

const BY_TEXT = [
  { column: 't.text', direction: SortDirection.ASC },
  { column: 't.id', direction: SortDirection.ASC },
];

class CreateScopedProbe1764400950000 implements MigrationInterface {
  name = 'CreateScopedProbe1764400950000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE scoped_probe (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), organization_id uuid NOT NULL REFERENCES organization (id), title text NOT NULL)`);
    await q.query(`CREATE TABLE scoped_probe_note (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), probe_id uuid NOT NULL REFERENCES scoped_probe (id), text text NOT NULL)`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE scoped_probe_note`);
    await q.query(`DROP TABLE scoped_probe`);
  }
}

export const scopedProbeModule: DomainModule = {
  name: 'scoped-probe',
  description: '探针。Test-only module on the kernel data layer.',
  dependsOn: ['directory'],
  entities: [ScopedProbe, ScopedProbeNote],
  scopedEntities: [ScopedProbes, ScopedProbeNotes],
  resolvers: [ScopedProbeResolver],
  migrations: [CreateScopedProbe1764400950000],
  permissions: definePermissions([
    { code: READ, nameZh: '读探针记录', description: 'Read probe records.', grantedTo: { 'village-officer': 'ORG_SUBTREE', 'town-safety-office': 'ALL' } },
  ]),
};
