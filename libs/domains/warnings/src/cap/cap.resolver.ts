import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { ReadsColumns, type RequestContext } from '@platform/core';
import { Warning } from '../model/warning.entity';
import { CAP_SERVICE, type CapExporter } from './cap.exporter';

/** The CAP export of a warning record, next to the warnings' own resolver. */
@Resolver(() => Warning)
export class WarningCapResolver {
  @FieldResolver(() => String, {
    description:
      'CAP 1.2 报文。The record as a CAP 1.2 XML document following GB/T 35965.1 (the same body GET /cap/warnings/{id} serves): Beijing time, severity paired with the colour, references to the earlier records of its chain, 行政区划代码 geocodes of its targets.',
  })
  // The record's columns renderCap reads (CapWarning, note), and the id its targets and references are loaded by.
  @ReadsColumns('id', 'identifier', 'messageType', 'senderName', 'source', 'hazardType', 'eventName', 'level', 'description', 'instruction', 'sentAt', 'effectiveAt', 'expiresAt', 'areaPolygon', 'note')
  capXml(@Ctx() ctx: RequestContext, @Root() warning: Warning): Promise<string> {
    return ctx.service<CapExporter>(CAP_SERVICE).xml(ctx, warning);
  }
}
