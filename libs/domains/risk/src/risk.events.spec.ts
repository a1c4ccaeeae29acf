import { eventType } from '@platform/core';
import { riskEvents } from './risk.events';
import { HAZARD_REPORT, HAZARD_WORKFLOW } from './hazards/hazard-transitions';
import { HAZARD_EVENT_TYPES } from './hazards/hazard-change.resolver';

describe('risk events', () => {
  const declared = Object.keys(riskEvents);

  it('declares every hazard event the module emits: the report, each workflow step and the overdue announcement', () => {
    const emitted = [HAZARD_REPORT.event, ...HAZARD_WORKFLOW.eventTypes, 'risk.hazard.overdue'];
    expect(HAZARD_WORKFLOW.eventTypes).toHaveLength(Object.keys(HAZARD_WORKFLOW.steps).length);
    for (const name of emitted) expect(declared).toContain(name);
    // eventType is what the producers and the subscription look them up with.
    for (const name of emitted) expect(eventType(riskEvents, name as keyof typeof riskEvents)).toBe(name);
  });

  it('subscribes hazardChanged to exactly the hazard events of the catalog', () => {
    expect([...HAZARD_EVENT_TYPES].sort()).toEqual(declared.filter((name) => name.startsWith('risk.hazard.')).sort());
  });

  it('declares the accountability review event', () => {
    expect(declared).toContain('risk.accountability-review.recorded');
  });
});
