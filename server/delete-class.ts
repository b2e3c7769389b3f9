/**
 * "Delete this class" (issue 9): the host's token opens it; the log, snapshot and
 * catalogue row are deleted first (durably), then everyone still watching or seated is
 * told in a sentence and let go of the room's broadcasts.
 */
import { refuseAdmin, type Result } from '../shared/rules/refusal';
import { checkHost } from '../shared/room/seats';
import type { Transport } from './transport';
import { nodeRoom, watchersRoom } from './broadcaster';
import type { RoomRegistry } from './room-registry';

export const CLASS_DELETED_MESSAGE = 'The teacher deleted this class: it is gone for good. Ask for a new code to play again.';

export function deleteClass(transport: Transport, registry: RoomRegistry, code: string, hostTokenHash: string): Result {
  const room = registry.get(code);
  if (!room) return { ok: false, refusal: refuseAdmin('unknown-room', 'There is no class with that code. Check the code on the board.') };
  const notHost = checkHost(room, hostTokenHash);
  if (notHost) return { ok: false, refusal: notHost };
  registry.delete(code);
  const audiences = [watchersRoom(code), ...room.seats.map((seat) => nodeRoom(code, seat.nodeId))];
  for (const audience of audiences) {
    transport.broadcast(audience, 'room:deleted', { code, message: CLASS_DELETED_MESSAGE });
    transport.disband(audience);
  }
  return { ok: true };
}
