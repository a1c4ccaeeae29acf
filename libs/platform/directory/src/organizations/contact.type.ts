import { Field, InputType, ObjectType } from 'type-graphql';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { PHONE_PATTERN, PHONE_RULE } from '../phone';

@ObjectType({ description: '联系方式。A named contact of an organization (duty phone, office, liaison).' })
export class Contact {
  @Field({ description: '联系人或用途。Who or what the contact is, e.g. 值班电话 (duty phone).' })
  name: string;

  @Field(() => String, { nullable: true, description: '职务。Role of the contact person, if any.' })
  role: string | null;

  @Field({ description: '电话。Phone number (public office numbers, not personal data).' })
  phone: string;
}

@InputType({ description: '联系方式输入。A contact to store on an organization.' })
export class ContactInput {
  @Field({ description: '联系人或用途。Who or what the contact is.' })
  @IsString()
  @Length(1, 60)
  name: string;

  @Field(() => String, { nullable: true, description: '职务。Role of the contact person.' })
  @IsOptional()
  @Length(1, 60)
  role?: string | null;

  @Field({ description: `电话。Phone number: ${PHONE_RULE}.` })
  @Matches(PHONE_PATTERN, { message: `phone must be ${PHONE_RULE}` })
  phone: string;
}
