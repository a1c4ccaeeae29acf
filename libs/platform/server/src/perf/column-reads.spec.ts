import { Field, FieldResolver, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { isObjectType } from 'graphql';
import { PUBLIC_OPERATION, ReadByColumnSelection, ReadsColumns, RequirePermission, type DomainModule } from '@platform/core';
import { buildGatewaySchema } from '../schema';

// One probe type per case: type-graphql adds a field resolver's field to its type in every build,
// whichever resolvers the build is given, so cases sharing a type would see each other's fields.

@ObjectType({ description: '探针。Probe: a field resolver without a declaration.' })
@ReadByColumnSelection()
@Entity('probe_loud_row')
class LoudRow {
  @Field(() => ID, { description: '标识。Id.' })
  @PrimaryColumn('uuid')
  id: string;

  @Field({ description: '名称。Name.' })
  @Column('text')
  name: string;
}

@Resolver(() => LoudRow)
class LoudRowResolver {
  @Query(() => [LoudRow], { description: '探针。Probe list.' })
  @RequirePermission(PUBLIC_OPERATION)
  loudRows(): LoudRow[] {
    return [];
  }

  @FieldResolver(() => String, { description: '大写。Name in capitals.' })
  shout(@Root() row: LoudRow): string {
    return row.name.toUpperCase();
  }
}

@ObjectType({ description: '探针。Probe: a declaration naming a property that is not a column.' })
@ReadByColumnSelection()
@Entity('probe_typo_row')
class TypoRow {
  @Field(() => ID, { description: '标识。Id.' })
  @PrimaryColumn('uuid')
  id: string;

  @Field({ description: '名称。Name.' })
  @Column('text')
  name: string;
}

@Resolver(() => TypoRow)
class TypoRowResolver {
  @Query(() => [TypoRow], { description: '探针。Probe list.' })
  @RequirePermission(PUBLIC_OPERATION)
  typoRows(): TypoRow[] {
    return [];
  }

  @FieldResolver(() => String, { description: '大写。Name in capitals.' })
  @ReadsColumns('nmae')
  shout(@Root() row: TypoRow): string {
    return row.name.toUpperCase();
  }
}

@ObjectType({ description: '探针。Probe: a getter, and a field no column backs.' })
@ReadByColumnSelection()
@Entity('probe_getter_row')
class GetterRow {
  @Field(() => ID, { description: '标识。Id.' })
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  name: string;

  /** Set by a service on loaded entities; the row readers never do. */
  @Field({ description: '附注。Set by a service.' })
  remark: string;

  // type-graphql serves a getter through a resolver of the class's own (on a copy of the row): it reads `name`.
  @Field({ description: '标签。Label.' })
  get label(): string {
    return `#${this.name}`;
  }
}

@Resolver(() => GetterRow)
class GetterRowResolver {
  @Query(() => [GetterRow], { description: '探针。Probe list.' })
  @RequirePermission(PUBLIC_OPERATION)
  getterRows(): GetterRow[] {
    return [];
  }
}

@ObjectType({ description: '探针。Probe: every field resolver declares what it reads.' })
@ReadByColumnSelection()
@Entity('probe_quiet_row')
class QuietRow {
  @Field(() => ID, { description: '标识。Id.' })
  @PrimaryColumn('uuid')
  id: string;

  @Field({ description: '名称。Name.' })
  @Column('text')
  name: string;
}

@Resolver(() => QuietRow)
class QuietRowResolver {
  @Query(() => [QuietRow], { description: '探针。Probe list.' })
  @RequirePermission(PUBLIC_OPERATION)
  quietRows(): QuietRow[] {
    return [];
  }

  @FieldResolver(() => String, { description: '小写。Name in small letters.' })
  @ReadsColumns('name')
  whisper(@Root() row: QuietRow): string {
    return row.name.toLowerCase();
  }

  @FieldResolver(() => String, { description: '常量。Reads nothing of the row.' })
  @ReadsColumns()
  hush(): string {
    return '…';
  }
}

@ObjectType({ description: '探针。Probe: not read by column selection, so nothing to declare.' })
@Entity('probe_free_row')
class FreeRow {
  @Field(() => ID, { description: '标识。Id.' })
  @PrimaryColumn('uuid')
  id: string;
}

@Resolver(() => FreeRow)
class FreeRowResolver {
  @Query(() => [FreeRow], { description: '探针。Probe list.' })
  @RequirePermission(PUBLIC_OPERATION)
  freeRows(): FreeRow[] {
    return [];
  }

  @FieldResolver(() => String, { description: '任意。Anything.' })
  anything(@Root() row: FreeRow): string {
    return row.id;
  }
}

const probe = (...resolvers: DomainModule['resolvers']): DomainModule[] => [{ name: 'probe', description: '探针。Probe.', entities: [], resolvers, migrations: [], permissions: [] }];

describe('schema build check: field resolvers of types read by column selection declare the columns they read', () => {
  it('refuses a field resolver without @ReadsColumns, naming it', async () => {
    await expect(buildGatewaySchema(probe(LoudRowResolver))).rejects.toThrow(
      'Fields of types read by column selection that it would read wrong: LoudRow.shout: a field resolver without @ReadsColumns',
    );
  });

  it('refuses a declaration naming a property that is not a column (its resolver would see undefined)', async () => {
    await expect(buildGatewaySchema(probe(TypoRowResolver))).rejects.toThrow('TypoRow.shout: @ReadsColumns names nmae, not column(s) of the entity');
  });

  it('refuses a getter without a declaration, and a field no column backs (the row readers return only columns)', async () => {
    await expect(buildGatewaySchema(probe(GetterRowResolver))).rejects.toThrow(
      'Fields of types read by column selection that it would read wrong: GetterRow.remark: neither a column nor a field resolver (rows are plain objects); GetterRow.label: a field resolver without @ReadsColumns',
    );
  });

  it('builds when every field resolver declares its columns (none is a declaration too), and leaves unmarked types alone', async () => {
    const schema = await buildGatewaySchema(probe(QuietRowResolver, FreeRowResolver));
    const quiet = schema.getType('QuietRow');
    expect(isObjectType(quiet) && quiet.getFields()['whisper']?.extensions?.['readsColumns']).toEqual(['name']);
    expect(isObjectType(quiet) && quiet.getFields()['hush']?.extensions?.['readsColumns']).toEqual([]);
    expect(isObjectType(schema.getType('FreeRow'))).toBe(true);
  });
});
