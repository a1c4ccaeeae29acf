export { responseModule } from './response.module';
export { ResponsePermission } from './permissions';
