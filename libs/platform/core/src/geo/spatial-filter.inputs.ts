import { Field, Float, InputType } from 'type-graphql';
import { IsLatitude, IsLongitude, IsOptional, IsPositive, Max, ValidateBy, ValidateNested, type ValidationArguments } from 'class-validator';
import { Type } from 'class-transformer';
import { ListFilter } from '../data/change-feed';

/** A bounding box spans at most this many degrees of longitude and of latitude (a county and its neighbours; lists are paged anyway). */
export const MAX_BOX_DEGREES = 2;

/** A distance filter reaches at most this far (metres): a town and its surroundings. */
export const MAX_NEAR_METERS = 50_000;

/**
 * The edge `to` lies beyond the edge `from` of the same box (east of west, north of south) and at
 * most MAX_BOX_DEGREES from it; rule `range`. Only checked when both edges are coordinates (numbers
 * within ±`limit` degrees): a malformed edge is reported by its own rule alone.
 */
function BeyondEdge(from: 'west' | 'south', word: 'east' | 'north', limit: 180 | 90, note: string): PropertyDecorator {
  const isEdge = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= limit;
  return ValidateBy({
    name: 'range',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) => {
        const start = (args?.object as Record<string, unknown> | undefined)?.[from];
        return !isEdge(value) || !isEdge(start) || (value > start && value - start <= MAX_BOX_DEGREES);
      },
      defaultMessage: (args?: ValidationArguments) => {
        const start = (args?.object as Record<string, unknown> | undefined)?.[from] as number;
        return (args?.value as number) <= start
          ? `must lie ${word} of ${from} (${start})${note}.`
          : `must lie at most ${MAX_BOX_DEGREES}° ${word} of ${from} (${start}): the box is too large.`;
      },
    },
  });
}

@InputType({
  description: `矩形范围。A box of WGS 84 coordinates in degrees, edges included: west < east and south < north, each side at most ${MAX_BOX_DEGREES}°; a box across the antimeridian (180°) is refused.`,
})
export class BoundingBoxInput {
  @Field(() => Float, { description: '西边界。Western edge: longitude in degrees east, -180 to 180.' })
  @IsLongitude({ message: 'must be a longitude in degrees, -180 to 180.' })
  west: number;

  @Field(() => Float, { description: '南边界。Southern edge: latitude in degrees north, -90 to 90.' })
  @IsLatitude({ message: 'must be a latitude in degrees, -90 to 90.' })
  south: number;

  @Field(() => Float, { description: `东边界。Eastern edge: longitude in degrees east, greater than west and at most ${MAX_BOX_DEGREES}° from it.` })
  @IsLongitude({ message: 'must be a longitude in degrees, -180 to 180.' })
  @BeyondEdge('west', 'east', 180, '; a box across the antimeridian is not supported')
  east: number;

  @Field(() => Float, { description: `北边界。Northern edge: latitude in degrees north, greater than south and at most ${MAX_BOX_DEGREES}° from it.` })
  @IsLatitude({ message: 'must be a latitude in degrees, -90 to 90.' })
  @BeyondEdge('south', 'north', 90, '')
  north: number;
}

@InputType({ description: `距离范围。A WGS 84 point and a great-circle distance from it, up to ${MAX_NEAR_METERS / 1000} km.` })
export class NearInput {
  @Field(() => Float, { description: '经度。Longitude of the point in degrees east, -180 to 180.' })
  @IsLongitude({ message: 'must be a longitude in degrees, -180 to 180.' })
  longitude: number;

  @Field(() => Float, { description: '纬度。Latitude of the point in degrees north, -90 to 90.' })
  @IsLatitude({ message: 'must be a latitude in degrees, -90 to 90.' })
  latitude: number;

  @Field(() => Float, { description: `距离（米）。The greatest distance in metres, more than 0 and at most ${MAX_NEAR_METERS.toLocaleString('en')}; the distance is measured on the sphere of the WGS 84 mean radius (within 0.5 % of the ellipsoidal distance).` })
  @IsPositive({ message: 'must be more than 0 metres.' })
  @Max(MAX_NEAR_METERS, { message: `must be at most ${MAX_NEAR_METERS} metres.` })
  withinMeters: number;
}

/**
 * The spatial fields of a list's filter, for every list of located records: the module's filter
 * input extends it (`class ShelterFilter extends LocatedFilter`) and its service narrows the records
 * with `whereLocated(records, filter)`. Records without a location never match either field.
 */
@InputType({ description: '空间筛选。The spatial fields of a list filter (not used as a type by itself).' })
export abstract class LocatedFilter extends ListFilter {
  @Field(() => BoundingBoxInput, { nullable: true, description: '矩形范围。Only records located inside this box (edges included); records without a location never match.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => BoundingBoxInput)
  withinBox?: BoundingBoxInput | null;

  @Field(() => NearInput, { nullable: true, description: '附近。Only records located within this distance of a point (edge included); records without a location never match.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => NearInput)
  near?: NearInput | null;
}
