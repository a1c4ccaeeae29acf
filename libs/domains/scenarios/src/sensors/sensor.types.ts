import { Field, ObjectType } from 'type-graphql';
import { ObservedPropertyCode } from './sensor.enums';

@ObjectType({ description: '观测要素。An observed property (OGC SensorThings ObservedProperty): its code, names and definition.' })
export class ObservedProperty {
  @Field(() => ObservedPropertyCode, { description: '代码。Its code, e.g. precipitation.' })
  code: ObservedPropertyCode;

  @Field({ description: '中文名称。Its Chinese name, e.g. 降雨量.' })
  nameZh: string;

  @Field({ description: '名称。Its English name.' })
  name: string;

  @Field({ description: '定义。Its definition URI (QUDT quantity kind).' })
  definition: string;
}

@ObjectType({ description: '计量单位。A unit of measurement (STA unitOfMeasurement): name, symbol and UCUM definition.' })
export class UnitOfMeasurement {
  @Field({ description: '名称。The unit\'s name, e.g. millimetre.' })
  name: string;

  @Field({ description: '符号。The unit\'s symbol, e.g. mm.' })
  symbol: string;

  @Field({ description: '定义。The unit\'s definition URI (UCUM).' })
  definition: string;
}
