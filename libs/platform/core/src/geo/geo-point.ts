import { Field, Float, InputType, ObjectType } from 'type-graphql';
import { IsLatitude, IsLongitude, IsOptional, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { Column } from 'typeorm';
import { GeoJSONPointScalar, type GeoJsonPoint } from '../scalars/geojson';
import { BaseRecord } from '../entity/base.entity';

@ObjectType({ description: '地理坐标。A WGS 84 point (the GPS datum); map clients use `geoJson`.' })
export class GeoPoint {
  @Field(() => Float, { description: '经度。Longitude in degrees east, -180 to 180.' })
  longitude: number;

  @Field(() => Float, { description: '纬度。Latitude in degrees north, -90 to 90.' })
  latitude: number;

  @Field(() => GeoJSONPointScalar, { description: 'GeoJSON 点。The point as a GeoJSON Point geometry (RFC 7946), ready for map libraries.' })
  get geoJson(): GeoJsonPoint {
    return { type: 'Point', coordinates: [this.longitude, this.latitude] };
  }

  /** A point from two nullable columns; null when either is missing. */
  static of(longitude: number | null | undefined, latitude: number | null | undefined): GeoPoint | null {
    if (longitude == null || latitude == null) return null;
    const p = new GeoPoint();
    p.longitude = Number(longitude);
    p.latitude = Number(latitude);
    return p;
  }
}

@InputType({ description: '地理坐标输入。A WGS 84 point given as longitude and latitude.' })
export class GeoPointInput {
  @Field(() => Float, { description: '经度。Longitude in degrees east, -180 to 180.' })
  @IsLongitude()
  longitude: number;

  @Field(() => Float, { description: '纬度。Latitude in degrees north, -90 to 90.' })
  @IsLatitude()
  latitude: number;
}

/**
 * An optional `location` input field: a nested GeoPointInput, validated as WGS 84 longitude and
 * latitude; null clears it on update. Registered as the stacked decorators
 * `@Field(…) @IsOptional() @ValidateNested() @Type(() => GeoPointInput)` would be.
 */
export function LocationField(description = '位置。Location as WGS 84 longitude/latitude.'): PropertyDecorator {
  return (target, key) => {
    Type(() => GeoPointInput)(target, key);
    ValidateNested()(target, key);
    IsOptional()(target, key);
    Field(() => GeoPointInput, { nullable: true, description })(target, key);
  };
}

/**
 * Columns of a record with a place: the nullable `longitude` and `latitude` (double precision, WGS 84),
 * exposed in its GraphQL type as `location` (`GeoPoint.of(longitude, latitude)`).
 */
@ObjectType({ description: '有位置的记录。Columns of a record with a location (not used as a type by itself).' })
export abstract class LocatedRecord extends BaseRecord {
  @Column({ type: 'double precision', nullable: true })
  longitude: number | null;

  @Column({ type: 'double precision', nullable: true })
  latitude: number | null;
}

/** The `longitude`/`latitude` columns of a LocatedRecord for a location input; both null for null or undefined (on update, check `!== undefined` first). */
export function locationColumns(location: GeoPointInput | null | undefined): { longitude: number | null; latitude: number | null } {
  return { longitude: location?.longitude ?? null, latitude: location?.latitude ?? null };
}
