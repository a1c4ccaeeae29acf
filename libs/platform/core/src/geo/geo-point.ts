import { Field, Float, InputType, ObjectType } from 'type-graphql';
import { IsLatitude, IsLongitude } from 'class-validator';
import { JSONObjectScalar } from '../scalars/scalars';

/** A GeoJSON Point geometry (RFC 7946): `[longitude, latitude]` in WGS 84. */
export interface GeoJsonPoint {
  readonly type: 'Point';
  readonly coordinates: [number, number];
}

@ObjectType({ description: '地理坐标。A WGS 84 point (the GPS datum); map clients use `geoJson`.' })
export class GeoPoint {
  @Field(() => Float, { description: '经度。Longitude in degrees east, -180 to 180.' })
  longitude: number;

  @Field(() => Float, { description: '纬度。Latitude in degrees north, -90 to 90.' })
  latitude: number;

  @Field(() => JSONObjectScalar, { description: 'GeoJSON 点。The point as a GeoJSON Point geometry (RFC 7946), ready for map libraries.' })
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
