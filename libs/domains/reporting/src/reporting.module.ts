import { defineSettings, moduleFromParts, type DomainModule } from '@platform/core';
import { tipsPart } from './tips/tips.part';
import { intakePart, startIntake } from './intake/intake.part';
import { intakeSettings } from './intake/intake.settings';
import { handlingPart } from './handling/handling.part';
import { rewardsPart } from './rewards/rewards.part';
import { insurancePart } from './insurance/insurance.part';
import { publicityPart } from './publicity/publicity.part';
import { open311Part } from './open311/open311.part';
import { open311Settings, startOpen311 } from './open311/open311.settings';
import { startTipHazardFollow } from './handling/tip-hazard-follow';

/** The module's parts, in seeding order (each one's seed may use what the ones before it seeded). */
const PARTS = [tipsPart, intakePart, handlingPart, rewardsPart, insurancePart, publicityPart, open311Part];

const parts = moduleFromParts(PARTS);

/**
 * 群众举报与社会共治 (work-plan points 十九–二十一): tips from the public on every channel, tracked by code
 * and secret, handled on per-channel clocks and verified into hazards; rewards; the Open311 view;
 * work-safety liability insurance; publicity and social forces: each a part (`ReportingPart`).
 */
export const reportingModule: DomainModule = {
  name: 'reporting',
  description: '群众举报与社会共治。Public reporting and social co-governance (points 十九–二十一): anonymous tips with tracking codes and secrets on per-channel clocks, verified into hazards; rewards from final fines and accident grades; an Open311 GeoReport v2 view; work-safety liability insurance; publicity and social rescue forces.',
  // directory: enterprises, villages, persons; access: who acted; risk: verified tips raise hazards;
  // response: catastrophe claims name incidents; enforcement: rewards read final fines and accident grades;
  // warnings: commendations for early evacuations; command: social rescue teams.
  dependsOn: ['directory', 'access', 'risk', 'response', 'enforcement', 'warnings', 'command'],
  ...parts,
  // The intake's proof-of-work key, challenge difficulty and reporter access days; the Open311 feed's location precision.
  settings: defineSettings({ ...intakeSettings.shape, ...open311Settings.shape }),
  // The parts' routes; the intake's rate limiters and challenge key and the Open311 settings as services;
  // in the background only, the handling part following closed hazards (a tip closes with its hazard).
  start: async (runtime) => {
    const started = (await parts.start?.(runtime)) ?? {};
    const intake = startIntake(runtime);
    const open311 = await startOpen311(runtime);
    const stopFollow = startTipHazardFollow(runtime);
    return {
      ...started,
      services: { ...started.services, ...intake.services, ...open311.services },
      stop: async () => {
        stopFollow();
        await started.stop?.();
      },
    };
  },
};
