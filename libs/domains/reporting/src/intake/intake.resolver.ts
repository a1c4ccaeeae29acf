import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Attachment, Connection, PageArgs, ReadsColumns, ReadsRelation, RequirePermission, attachmentsOf, selectsField, type ConnectionResult, type RequestContext } from '@platform/core';
import { User, UserReference } from '@platform/access';
import { Tip, TipPermission, TipReference, tipById } from '../tips/public';
import { intakeGuard } from './intake-guard';
import { DiscloseTipIdentityArgs, PostTipMessageArgs, RecordTipInput, ReplyToTipArgs, SubmitTipInput, TipCredentialArgs, type TipDetailsInput } from './intake.inputs';
import { TipChallenge, TipReceipt, TrackedTip, TrackedTipMessage, TrackedTipMessageConnection } from './intake.types';
import { submitTip, type TipSubmission } from './submit-tip';
import { discloseIdentity, postReporterMessage, replyToTip, reporterThread, reporterTip } from './tracking';
import { TipMessage } from './tip-message.entity';
import { TipMessagePages } from './intake.loaders';
import { reporterField } from './reporter-masking';
import { tipStatusNote } from '../clocks/public';

const input = { description: '输入。The fields of the request.' };
export const TipMessageConnection = Connection(TipMessage, '举报留言');

/** A receipt remembers the tip's id (for `tip`, which only staff in scope resolve). */
type Receipt = TipReceipt & { tipId: string };

/** What the input types carry, as a submission. */
function submission(data: TipDetailsInput & { channel: TipSubmission['channel'] }, extra: Partial<TipSubmission> = {}): TipSubmission {
  return {
    channel: data.channel,
    category: data.category,
    title: data.title,
    description: data.description,
    enterpriseId: data.enterpriseId ?? null,
    organizationId: data.organizationId ?? null,
    placeCode: data.placeCode ?? null,
    address: data.address ?? null,
    longitude: data.location?.longitude ?? null,
    latitude: data.location?.latitude ?? null,
    involvesDeaths: data.involvesDeaths ?? false,
    reportedDeaths: data.reportedDeaths ?? null,
    reporterKind: data.reporterKind,
    reporterName: data.reporterName ?? null,
    reporterPhone: data.reporterPhone ?? null,
    reporterContact: data.reporterContact ?? null,
    attachmentIds: data.attachmentIds ?? null,
    ...extra,
  };
}

function receiptOf(tip: Tip, secret: string): Receipt {
  return Object.assign(new TipReceipt(), { tipId: tip.id, trackingCode: tip.code, secret, status: tip.status, receivedAt: tip.receivedAt, expectedAcceptanceAt: tip.acceptDueAt, accessExpiresAt: tip.reporterAccessExpiresAt });
}

/** The reporter's view of a tip: public fields only. */
export function trackedOf(tip: Tip): TrackedTip {
  const completion = tip.handleDueAt ? new Date(tip.handleDueAt.getTime() + tip.extendedDays * 86_400_000) : null;
  return Object.assign(new TrackedTip(), {
    tipId: tip.id,
    code: tip.code,
    title: tip.title,
    category: tip.category,
    status: tip.status,
    statusNote: tipStatusNote(tip),
    outcome: tip.outcome,
    receivedAt: tip.receivedAt,
    acceptedAt: tip.acceptedAt,
    closedAt: tip.closedAt,
    expectedAcceptanceAt: tip.acceptDueAt,
    expectedCompletionAt: completion,
    identityDisclosed: tip.identityDisclosedAt !== null || tip.reporterName !== null,
    accessExpiresAt: tip.reporterAccessExpiresAt,
  });
}

const messageView = (m: TipMessage): TrackedTipMessage => Object.assign(new TrackedTipMessage(), { author: m.author, body: m.body, createdAt: m.createdAt });

/**
 * The intake (issue 21): the public form and staff recording, the receipt with the secret shown once,
 * the reporter's tracking, messages and identity disclosure with code and secret (no account), staff
 * replies. Abuse control lives in `IntakeGuard`.
 */
@Resolver(() => TipReceipt)
export class TipIntakeResolver {
  @Query(() => TipChallenge, { description: '举报验证挑战。A signed proof-of-work challenge (valid 10 minutes, usable once) for an anonymous tip beyond the first per address per hour.' })
  @RequirePermission(TipPermission.Submit)
  tipChallenge(@Ctx() ctx: RequestContext): TipChallenge {
    return Object.assign(new TipChallenge(), intakeGuard(ctx).challenge(ctx.clock.now()));
  }

  @Mutation(() => TipReceipt, { description: '提交举报。Submits a tip from the web form or a QR code, anonymously or by name, without an account: answers the tracking code and the secret (shown only here). At most 5 per address per 10 minutes; beyond the first per hour an anonymous caller sends a proof of work (`tipChallenge`).' })
  @RequirePermission(TipPermission.Submit)
  async submitTip(@Ctx() ctx: RequestContext, @Arg('input', () => SubmitTipInput, input) data: SubmitTipInput): Promise<TipReceipt> {
    const { tip, secret } = await submitTip(ctx, submission(data, { proofOfWork: data.proofOfWork ?? null }));
    return receiptOf(tip, secret);
  }

  @Mutation(() => TipReceipt, { description: '登记举报。Records a tip that came in by hotline (12350, 12345 with its ticket number), letter or visit, with when it came in and the reporter\'s details, concerning an organization in your recording scope: answers the code and the secret to give the reporter (nothing is sent to them).' })
  @RequirePermission(TipPermission.Record)
  async recordTip(@Ctx() ctx: RequestContext, @Arg('input', () => RecordTipInput, input) data: RecordTipInput): Promise<TipReceipt> {
    const { tip, secret } = await submitTip(ctx, submission(data, { externalReference: data.externalReference ?? null, receivedAt: data.receivedAt ?? null }), { recorded: true });
    return receiptOf(tip, secret);
  }

  @FieldResolver(() => Tip, { nullable: true, description: '举报。The tip recorded, for staff who may read it; null for the public.' })
  tip(@Ctx() ctx: RequestContext, @Root() r: Receipt): Promise<Tip | null> {
    return tipById(ctx).load(r.tipId);
  }

  @Query(() => TrackedTip, { description: '查询举报进度。A tip as its reporter follows it, with the tracking code and secret: status, note, times and the thread. A missing code, a wrong secret and expired access all answer the same NOT_FOUND; at most 10 failed attempts per code per hour. Each use extends your access.' })
  @RequirePermission(TipPermission.Track)
  async trackTip(@Ctx() ctx: RequestContext, @Args(() => TipCredentialArgs) args: TipCredentialArgs): Promise<TrackedTip> {
    return trackedOf(await reporterTip(ctx, args.code, args.secret));
  }

  @Mutation(() => TrackedTipMessage, { description: '举报人留言。Writes to the office about your tip, with the tracking code and secret; the office answers in the thread you read when tracking.' })
  @RequirePermission(TipPermission.Track)
  async postTipMessage(@Ctx() ctx: RequestContext, @Args(() => PostTipMessageArgs) args: PostTipMessageArgs): Promise<TrackedTipMessage> {
    return messageView(await postReporterMessage(ctx, args.code, args.secret, args.body));
  }

  @Mutation(() => TrackedTip, { description: '披露身份。Gives your name (and phone or contact) for your tip, with the tracking code and secret: needed for a reward. Only staff allowed to read reporters see them; the time is kept.' })
  @RequirePermission(TipPermission.Track)
  async discloseTipIdentity(@Ctx() ctx: RequestContext, @Args(() => DiscloseTipIdentityArgs) args: DiscloseTipIdentityArgs): Promise<TrackedTip> {
    return trackedOf(await discloseIdentity(ctx, args.code, args.secret, { name: args.name, phone: args.phone ?? null, contact: args.contact ?? null }));
  }

  @Mutation(() => TipMessage, { description: '回复举报人。Replies to the reporter of a tip in your handling scope; they read it when tracking. Nothing is sent to their phone or mail.' })
  @RequirePermission(TipPermission.Handle)
  replyToTip(@Ctx() ctx: RequestContext, @Args(() => ReplyToTipArgs) args: ReplyToTipArgs): Promise<TipMessage> {
    return replyToTip(ctx, args.tipId, args.body);
  }
}

@Resolver(() => TrackedTip)
export class TrackedTipResolver {
  @FieldResolver(() => TrackedTipMessageConnection, { description: '留言。The thread with the office, in the order written.' })
  async messages(@Ctx() ctx: RequestContext, @Root() t: TrackedTip, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<TrackedTipMessage>> {
    const found = await reporterThread(ctx, t.tipId, page, selectsField(info, 'totalCount'));
    return { ...found, edges: found.edges.map((e) => ({ cursor: e.cursor, node: messageView(e.node) })) };
  }
}

/** The reporter's identity on a tip (masked unless granted, unmasked reads audited) and its thread, for staff. */
@Resolver(() => Tip)
export class TipReporterResolver {
  @FieldResolver(() => String, { nullable: true, description: '举报人姓名。The reporter\'s name; masked (张**) unless you may read reporters (reporting.tip:read-reporter), which is audited; null when anonymous.' })
  @ReadsColumns('reporterName')
  reporterName(@Ctx() ctx: RequestContext, @Root() t: Tip): Promise<string | null> {
    return reporterField(ctx, t, 'reporterName');
  }

  @FieldResolver(() => String, { nullable: true, description: '举报人电话。The reporter\'s phone; masked (138****5678) unless you may read reporters, which is audited; null when none.' })
  @ReadsColumns('reporterPhone')
  reporterPhone(@Ctx() ctx: RequestContext, @Root() t: Tip): Promise<string | null> {
    return reporterField(ctx, t, 'reporterPhone');
  }

  @FieldResolver(() => String, { nullable: true, description: '举报人其他联系方式。The reporter\'s other contact; masked unless you may read reporters, which is audited; null when none.' })
  @ReadsColumns('reporterContact')
  reporterContact(@Ctx() ctx: RequestContext, @Root() t: Tip): Promise<string | null> {
    return reporterField(ctx, t, 'reporterContact');
  }

  @FieldResolver(() => [Attachment], { description: '附件。The photos and scans that came with the tip (at most 5); downloaded with reporting.tip:read in its scope.' })
  @ReadsColumns('id')
  attachments(@Ctx() ctx: RequestContext, @Root() t: Tip): Promise<Attachment[]> {
    return attachmentsOf(ctx, 'Tip').load(t.id);
  }

  @FieldResolver(() => TipMessageConnection, { description: '留言。The thread with the reporter, in the order written (the reporter is never named in it).' })
  @ReadsColumns('id')
  @ReadsRelation(TipMessagePages)
  messages(@Ctx() ctx: RequestContext, @Root() t: Tip, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<TipMessage>> {
    return TipMessagePages.load(ctx, t.id, page, info);
  }
}

/** The records a message of a tip's thread names by id, next to the id (staff view). */
@Resolver(() => TipMessage)
export class TipMessageRelationsResolver {
  @FieldResolver(() => Tip, { nullable: true, description: '举报。The tip whose thread it belongs to; null when you may not read that tip.' })
  @ReadsColumns('tipId')
  @ReadsRelation(TipReference, 'tipId')
  tip(@Ctx() ctx: RequestContext, @Root() m: TipMessage): Promise<Tip | null> {
    return TipReference.byId(ctx).load(m.tipId);
  }

  @FieldResolver(() => User, {
    nullable: true,
    description: '回复人账号。The account of the member of staff who replied; null for the reporter\'s messages, and when you may not read that account (access.user:read) within your administering reach.',
  })
  @ReadsColumns('authorUserId')
  @ReadsRelation(UserReference, 'authorUserId')
  authorUser(@Ctx() ctx: RequestContext, @Root() m: TipMessage): Promise<User | null> | null {
    return m.authorUserId ? UserReference.byId(ctx).load(m.authorUserId) : null;
  }
}
