import { Column, Entity, PrimaryColumn } from 'typeorm';
import { TipCategory } from '../tips/public';

/**
 * An Open311 service (GeoReport v2 `GET services`): the request type a client chooses, one per tip
 * category. Not a GraphQL type: it is served only by the Open311 routes.
 */
@Entity('open311_service')
export class Open311Service {
  /** The service_code, lower kebab case (e.g. `fire-safety`). */
  @PrimaryColumn({ type: 'text' })
  serviceCode: string;

  /** The tip category a request for this service is filed under. */
  @Column({ type: 'text' })
  category: TipCategory;

  /** service_name, in Chinese. */
  @Column({ type: 'text' })
  serviceName: string;

  @Column({ type: 'text' })
  description: string;

  /** Comma-separated keywords. */
  @Column({ type: 'text' })
  keywords: string;

  /** The service's group (`group` in the answer). */
  @Column({ type: 'text' })
  serviceGroup: string;

  /** Its place in the list. */
  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  updatedAt: Date;
}
