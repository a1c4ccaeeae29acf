export { preparednessModule } from './preparedness.module';
export { PreparednessPermission } from './permissions';
