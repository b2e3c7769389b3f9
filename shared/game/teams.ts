/**
 * Arranging a class into clusters: one cluster of everyone, or teams of 3 to 9. Teams
 * are dealt round-robin in join order so they differ in size by one at most, and a
 * remainder too small to be a team is spread over the others rather than left alone.
 */
export const MIN_TEAM = 3;
export const MAX_TEAM = 9;

export function arrangeTeams<T>(members: readonly T[], teamSize: number | null): T[][] {
  if (members.length === 0) return [];
  if (teamSize === null || members.length <= teamSize) return [members.slice()];
  const size = Math.min(MAX_TEAM, Math.max(MIN_TEAM, Math.floor(teamSize)));
  // As many teams as fit without any team exceeding `size`, and at least MIN_TEAM each.
  let count = Math.ceil(members.length / size);
  while (count > 1 && Math.floor(members.length / count) < MIN_TEAM) count--;
  const teams: T[][] = Array.from({ length: count }, () => []);
  members.forEach((member, i) => teams[i % count]!.push(member));
  return teams;
}
