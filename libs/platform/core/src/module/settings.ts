import { z } from 'zod';

/** The raw environment a module's settings are read from (`ModuleRuntime.settings`). */
export type RawSettings = Readonly<Record<string, string | undefined>>;

/**
 * A module's settings (environment variables) as zod schemas. The gateway merges every module's into
 * its own configuration schema, so a bad value of any of them stops the start together with every
 * other bad variable, naming each and its rule; `.env.example` lists them all (a test checks it).
 * The module reads its values, typed and with defaults applied, with `read(runtime.settings)`.
 */
export interface ModuleSettings<S extends z.ZodRawShape = z.ZodRawShape> {
  readonly shape: S;
  /** The values from the environment (empty strings count as unset); throws on a value the gateway's check would have refused. */
  read(env: RawSettings): z.infer<z.ZodObject<S>>;
}

/** Unset and empty variables are the same: the schema's default applies. */
export function presentSettings(env: RawSettings): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''));
}

export function defineSettings<S extends z.ZodRawShape>(shape: S): ModuleSettings<S> {
  const schema = z.object(shape);
  return { shape, read: (env) => schema.parse(presentSettings(env)) };
}

/** An integer setting between `min` and `max`, from its decimal text. */
export const integerSetting = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** A yes/no setting: true, false, 1, 0, yes, no. */
export const booleanSetting = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
