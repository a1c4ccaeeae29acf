import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsEnum, IsIn, IsInt, IsObject, IsOptional, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { DateTimeScalar, FilterField, JSONObjectScalar, ListFilter, LocationField, OrderByField, PageArgs, UUIDScalar, UnlessOmitted, Versioned, type GeoPointInput, type OrderInput } from '@platform/core';
import { ObservationType, ObservedPropertyCode, SensorStatus, SensorThingKind } from './sensor.enums';
import { DatastreamOrder, ObservationOrder, SensorThingOrder } from './sensors.orders';

/** A definition URI (UCUM or another vocabulary). */
const URI = /^https?:\/\/\S{3,300}$/;

@InputType({ description: '监测设备筛选。Filters for monitoring devices; all given filters must match.' })
export class SensorThingFilter extends ListFilter {
  @Field(() => UUIDScalar, { nullable: true, description: '所属单位。Only the devices of this organization (a village or an enterprise) and the organizations under it.' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @Field(() => UUIDScalar, { nullable: true, description: '风险点。Only the devices watching this risk point.' })
  @IsOptional()
  @IsUUID()
  riskPointId?: string;

  @Field(() => [SensorThingKind], { nullable: true, description: '类型。Only devices of these kinds.' })
  @IsOptional()
  @ArrayMaxSize(6)
  @IsEnum(SensorThingKind, { each: true })
  kinds?: SensorThingKind[];

  @Field(() => [SensorStatus], { nullable: true, description: '状态。Only devices in these statuses (all when absent).' })
  @IsOptional()
  @ArrayMaxSize(3)
  @IsEnum(SensorStatus, { each: true })
  statuses?: SensorStatus[];
}

@ArgsType()
export class SensorThingListArgs extends PageArgs {
  @FilterField(() => SensorThingFilter, '筛选条件。Which devices to list.')
  filter?: SensorThingFilter;

  @OrderByField(SensorThingOrder, 'by name')
  orderBy?: OrderInput<keyof typeof SensorThingOrder.Field>[];
}

@InputType({ description: '数据流筛选。Filters for datastreams; all given filters must match.' })
export class DatastreamFilter extends ListFilter {
  @Field(() => UUIDScalar, { nullable: true, description: '设备。Only the datastreams of this thing.' })
  @IsOptional()
  @IsUUID()
  thingId?: string;

  @Field(() => [ObservedPropertyCode], { nullable: true, description: '观测要素。Only datastreams observing these properties.' })
  @IsOptional()
  @ArrayMaxSize(6)
  @IsEnum(ObservedPropertyCode, { each: true })
  observedProperties?: ObservedPropertyCode[];

  @Field(() => [SensorStatus], { nullable: true, description: '状态。Only datastreams in these statuses (all when absent).' })
  @IsOptional()
  @ArrayMaxSize(3)
  @IsEnum(SensorStatus, { each: true })
  statuses?: SensorStatus[];

  @Field(() => DateTimeScalar, { nullable: true, description: '未报告起点。Only datastreams whose latest observation is before this instant, or that never reported (a quick staleness view).' })
  @IsOptional()
  silentSince?: Date;
}

@ArgsType()
export class DatastreamListArgs extends PageArgs {
  @FilterField(() => DatastreamFilter, '筛选条件。Which datastreams to list.')
  filter?: DatastreamFilter;

  @OrderByField(DatastreamOrder, 'by name')
  orderBy?: OrderInput<keyof typeof DatastreamOrder.Field>[];
}

@InputType({ description: '观测值筛选。Filters for observations by phenomenon time; all given filters must match.' })
export class ObservationFilter {
  @Field(() => DateTimeScalar, { nullable: true, description: '观测时间起。Only observations at or after this instant.' })
  @IsOptional()
  from?: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: '观测时间止。Only observations before this instant.' })
  @IsOptional()
  to?: Date;
}

@ArgsType()
export class ObservationPageArgs extends PageArgs {
  @FilterField(() => ObservationFilter, '时间筛选。Which span of phenomenon time to list.')
  filter?: ObservationFilter;
}

@InputType({ description: '观测值列表筛选。Filters for observations across datastreams; all given filters must match.' })
export class ObservationListFilter extends ListFilter {
  @Field(() => [UUIDScalar], { nullable: true, description: '数据流。Only the observations of these datastreams (at most 50).' })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  datastreamIds?: string[];

  @Field(() => DateTimeScalar, { nullable: true, description: '观测时间起。Only observations at or after this phenomenon time.' })
  @IsOptional()
  from?: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: '观测时间止。Only observations before this phenomenon time.' })
  @IsOptional()
  to?: Date;
}

@ArgsType()
export class ObservationListArgs extends PageArgs {
  @FilterField(() => ObservationListFilter, '筛选条件。Which observations to list; `updatedSince` lists those received at or after the instant (observations are never changed once stored).')
  filter?: ObservationListFilter;

  @OrderByField(ObservationOrder, 'the latest phenomenon time first')
  orderBy?: OrderInput<keyof typeof ObservationOrder.Field>[];
}

@InputType({ description: '登记监测设备。A monitoring device of a village or an enterprise in your scope.' })
export class RegisterSensorThingInput {
  @Field(() => UUIDScalar, { description: '所属单位标识。The village (or community) or the enterprise it belongs to; for an enterprise also its enterpriseId.' })
  @IsUUID()
  organizationId: string;

  @Field(() => UUIDScalar, { nullable: true, description: '风险点标识。The risk point it watches (of the organization or one above it); optional.' })
  @IsOptional()
  @IsUUID()
  riskPointId?: string;

  @Field({ description: '名称。Its name (1–200 characters), e.g. 文峰村2组滑坡点雨量计.' })
  @Length(1, 200)
  name: string;

  @Field(() => String, { nullable: true, description: '描述。What it is and where (at most 2000 characters).' })
  @IsOptional()
  @Length(0, 2000)
  description?: string;

  @Field(() => SensorThingKind, { description: '类型。What kind of device.' })
  @IsEnum(SensorThingKind)
  kind: SensorThingKind;

  @LocationField('位置。Where it stands (WGS 84); the STA Location and feature of interest.')
  location?: GeoPointInput | null;

  @Field(() => UUIDScalar, { nullable: true, description: '接入客户端标识。The API client (holding sensor-feed) that feeds it; its datastreams take it unless told otherwise.' })
  @IsOptional()
  @IsUUID()
  ownerClientId?: string;

  @Field(() => JSONObjectScalar, { nullable: true, description: '属性。Free properties (STA Thing properties), e.g. model and serial number.' })
  @IsOptional()
  @IsObject()
  properties?: Record<string, unknown>;
}

@InputType({ description: '更改监测设备详情。The fields to change; omitted ones stay.' })
export class SensorThingChanges {
  @Field(() => String, { nullable: true, description: '名称。Its name (1–200 characters).' })
  @UnlessOmitted()
  @Length(1, 200)
  name?: string;

  @Field(() => String, { nullable: true, description: '描述。What it is and where (at most 2000 characters).' })
  @UnlessOmitted()
  @Length(0, 2000)
  description?: string;

  @LocationField('位置。Where it stands (WGS 84); null clears it.')
  location?: GeoPointInput | null;

  @Field(() => UUIDScalar, { nullable: true, description: '风险点标识。The risk point it watches; null clears it.' })
  @IsOptional()
  @IsUUID()
  riskPointId?: string | null;

  @Field(() => SensorStatus, { nullable: true, description: '状态。ACTIVE or MAINTENANCE (retire with retireSensorThing).' })
  @UnlessOmitted()
  @IsIn([SensorStatus.ACTIVE, SensorStatus.MAINTENANCE])
  status?: SensorStatus;

  @Field(() => UUIDScalar, { nullable: true, description: '接入客户端标识。The API client that feeds it; null unbinds it. Its datastreams that had the old client follow.' })
  @IsOptional()
  @IsUUID()
  ownerClientId?: string | null;

  @Field(() => JSONObjectScalar, { nullable: true, description: '属性。Free properties (replace the old ones).' })
  @UnlessOmitted()
  @IsObject()
  properties?: Record<string, unknown>;
}

@InputType({ description: '更改监测设备。Changes a device that is not retired; needs the version you read.' })
export class UpdateSensorThingInput extends Versioned(SensorThingChanges) {}

@InputType({ description: '停用说明。Why a device or datastream is retired.' })
export class SensorRetirement {
  @Field({ description: '原因。Why, e.g. 设备损坏已拆除 (2–500 characters).' })
  @Length(2, 500)
  reason: string;
}

@InputType({ description: '停用监测设备。Retires a device and its datastreams: no more data is accepted; needs the version you read.' })
export class RetireSensorThingInput extends Versioned(SensorRetirement) {}

@InputType({ description: '登记数据流。One observed property of a device in your scope, with its unit of measurement.' })
export class RegisterDatastreamInput {
  @Field(() => UUIDScalar, { description: '设备标识。The thing (not retired) it belongs to.' })
  @IsUUID()
  thingId: string;

  @Field(() => ObservedPropertyCode, { description: '观测要素。What it observes.' })
  @IsEnum(ObservedPropertyCode)
  observedProperty: ObservedPropertyCode;

  @Field({ description: '名称。Its name (1–200 characters), e.g. 5分钟降雨量.' })
  @Length(1, 200)
  name: string;

  @Field(() => String, { nullable: true, description: '描述。What it measures and how (at most 2000 characters).' })
  @IsOptional()
  @Length(0, 2000)
  description?: string;

  @Field({ description: '计量单位名称。The unit\'s name (1–60 characters), e.g. millimetre.' })
  @Length(1, 60)
  unitName: string;

  @Field({ description: '计量单位符号。The unit\'s symbol (1–20 characters), e.g. mm; must suit the observed property (rule unit).' })
  @Length(1, 20)
  unitSymbol: string;

  @Field({ description: '计量单位定义。The unit\'s definition URI (UCUM), e.g. http://unitsofmeasure.org/ucum.html#para-30.' })
  @Matches(URI)
  unitDefinition: string;

  @Field(() => ObservationType, { nullable: true, description: '观测类型。The O&M type of its results (OM_Measurement when absent).' })
  @IsOptional()
  @IsEnum(ObservationType)
  observationType?: ObservationType;

  @Field(() => Int, { description: '采样间隔（秒）。How often it reports (1–86400 seconds).' })
  @IsInt()
  @Min(1)
  @Max(86400)
  samplingIntervalSeconds: number;

  @Field(() => String, { nullable: true, description: '传感器。The sensor\'s model (STA Sensor name, 1–200 characters).' })
  @IsOptional()
  @Length(1, 200)
  sensorName?: string;

  @Field(() => String, { nullable: true, description: '传感器说明。The sensor\'s metadata: a datasheet URL or description (at most 2000 characters).' })
  @IsOptional()
  @Length(1, 2000)
  sensorMetadata?: string;

  @Field(() => UUIDScalar, { nullable: true, description: '接入客户端标识。The API client that may ingest it; the thing\'s when absent.' })
  @IsOptional()
  @IsUUID()
  ownerClientId?: string;
}

@InputType({ description: '更改数据流详情。The fields to change; omitted ones stay (the unit of measurement of stored observations does not change).' })
export class DatastreamChanges {
  @Field(() => String, { nullable: true, description: '名称。Its name (1–200 characters).' })
  @UnlessOmitted()
  @Length(1, 200)
  name?: string;

  @Field(() => String, { nullable: true, description: '描述。What it measures and how (at most 2000 characters).' })
  @UnlessOmitted()
  @Length(0, 2000)
  description?: string;

  @Field(() => Int, { nullable: true, description: '采样间隔（秒）。How often it reports (1–86400 seconds).' })
  @UnlessOmitted()
  @IsInt()
  @Min(1)
  @Max(86400)
  samplingIntervalSeconds?: number;

  @Field(() => String, { nullable: true, description: '传感器。The sensor\'s model; null clears it.' })
  @IsOptional()
  @Length(1, 200)
  sensorName?: string | null;

  @Field(() => String, { nullable: true, description: '传感器说明。The sensor\'s metadata; null clears it.' })
  @IsOptional()
  @Length(1, 2000)
  sensorMetadata?: string | null;

  @Field(() => SensorStatus, { nullable: true, description: '状态。ACTIVE or MAINTENANCE (retire with retireDatastream).' })
  @UnlessOmitted()
  @IsIn([SensorStatus.ACTIVE, SensorStatus.MAINTENANCE])
  status?: SensorStatus;

  @Field(() => UUIDScalar, { nullable: true, description: '接入客户端标识。The API client that may ingest it; null: only staff ingest.' })
  @IsOptional()
  @IsUUID()
  ownerClientId?: string | null;
}

@InputType({ description: '更改数据流。Changes a datastream that is not retired; needs the version you read.' })
export class UpdateDatastreamInput extends Versioned(DatastreamChanges) {}

@InputType({ description: '停用数据流。Retires a datastream: no more data is accepted; needs the version you read.' })
export class RetireDatastreamInput extends Versioned(SensorRetirement) {}
