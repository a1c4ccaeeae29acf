// The part's public face (re-exported by the module's index.ts).
// Declared entities: other modules read the registries through these, never by SQL on their tables.
export { SupervisionAssignments, NewBusinessFormats, KeyProjects, ThreeSimultaneityRecords, LinearFeatureSections, FireFourOnesItems } from './registries.entities';
export { SupervisionAssignment, NewBusinessFormat } from './supervision-map.entity';
export { KeyProject, ThreeSimultaneityRecord } from './key-project.entity';
export { LinearFeatureSection } from './linear-section.entity';
export { FireFourOnesItem } from './fire-four-ones.entity';
export { FourOnesItemKind, KeyProjectStage, LinearFeatureKind, NewBusinessFormatStatus, ThreeSimultaneityStage } from './registries.enums';
export { RegistriesPermission } from './registries.permissions';
export { registriesEvents, type RegistriesEvents } from './registries.events';
export { registriesRules, type RegistriesRule } from './registries.rules';
export { KeyProjectReference, keyProjectById } from './registries.loaders';
