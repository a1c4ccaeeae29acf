// The reporter's view of a tip is the intake part's (`TrackedTip`, built by its `trackedOf`): the
// reporter's reopen answers the same view as tracking does.
export { trackedOf as trackedView } from '../intake/intake.resolver';
