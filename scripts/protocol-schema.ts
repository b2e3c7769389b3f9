/** `npm run protocol:schema`: writes docs/protocol.schema.json from the zod schemas (see protocol-schema/build.ts). */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderProtocolSchema } from './protocol-schema/build';

export const PROTOCOL_SCHEMA_PATH = resolve(__dirname, '../docs/protocol.schema.json');

writeFileSync(PROTOCOL_SCHEMA_PATH, renderProtocolSchema());
console.log(`wrote ${PROTOCOL_SCHEMA_PATH}`);
