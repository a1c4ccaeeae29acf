import type { ModuleParts } from '../shared/module-parts';
import { CAP_SERVICE, CapExporter } from './cap.exporter';
import { WarningCapResolver } from './cap.resolver';

/**
 * CAP 1.2 export of warnings (GB/T 35965.1): the `Warning.capXml` field and `GET /cap/warnings/:id`.
 * Setting `CAP_SENDER_CODE`: the 发布单位代码 the national platform assigned (else the issuer's division code).
 */
export const capParts: ModuleParts = {
  entities: [],
  resolvers: [WarningCapResolver],
  migrations: [],
  start: async (runtime) => {
    const exporter = new CapExporter(runtime.settings['CAP_SENDER_CODE']?.trim() || null);
    return { services: { [CAP_SERVICE]: exporter }, httpRoutes: [exporter.route()] };
  },
};
