export { rescueModule } from './rescue.module';
export { RescuePermission } from './permissions';
