import type { ModuleParts } from '../shared/module-parts';
import { CAP_SERVICE, CapExporter } from './cap.exporter';
import { WarningCapResolver } from './cap.resolver';

/**
 * CAP 1.2 export of warnings (GB/T 35965.1): the `Warning.capXml` field and `GET /cap/warnings/:id`.
 * Each record's sender is the issuing unit code of its identifier (setting `WARNING_ISSUER_CODE`, see the warnings area).
 */
export const capParts: ModuleParts = {
  entities: [],
  resolvers: [WarningCapResolver],
  migrations: [],
  start: async () => {
    const exporter = new CapExporter();
    return { services: { [CAP_SERVICE]: exporter }, httpRoutes: [exporter.route()] };
  },
};
