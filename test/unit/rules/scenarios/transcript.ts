/**
 * Transcripts: scenario files a teacher can read, in the style of etcd-io/raft's
 * testdata/*.txt (driven by cockroachdb/datadriven). A file is a sequence of blocks:
 *
 *     # comment lines and blank lines are kept as they are
 *     stand B              <- one or more command lines
 *     stand C
 *     ----                 <- separator
 *     t=16.3s B stood...   <- what the engine said, up to the next blank line
 *
 * Running a file feeds every command to an interpreter and rebuilds the file with the
 * output it produced; the test compares that with the file (a failure shows a diff).
 * UPDATE_TRANSCRIPTS=1 writes the rebuilt file instead (then read the diff in git).
 */

export const SEPARATOR = '----';

/** Either a line kept verbatim (comment, blank) or a block of commands with their output. */
export type Chunk =
  | { kind: 'text'; line: string }
  | { kind: 'block'; line: number; commands: string[]; expected: string[] };

export function parseTranscript(text: string): Chunk[] {
  const lines = text.replace(/\n$/, '').split('\n');
  const chunks: Chunk[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '' || line.startsWith('#')) {
      chunks.push({ kind: 'text', line });
      continue;
    }
    const start = i + 1;
    const commands: string[] = [];
    while (i < lines.length && lines[i] !== SEPARATOR) {
      if (lines[i]!.trim() === '') throw new Error(`line ${start}: a block's commands end with "${SEPARATOR}" before any blank line`);
      commands.push(lines[i]!);
      i++;
    }
    if (i >= lines.length) throw new Error(`line ${start}: the block has no "${SEPARATOR}" line`);
    const expected: string[] = [];
    while (i + 1 < lines.length && lines[i + 1]!.trim() !== '') expected.push(lines[++i]!);
    chunks.push({ kind: 'block', line: start, commands, expected });
  }
  return chunks;
}

/** Runs one command, returning the lines it printed; throws on a malformed command. */
export type Interpreter = (command: string) => string[];

/** Feeds every command to `interpret` and rebuilds the file with the actual output. */
export function runTranscript(text: string, interpret: Interpreter): string {
  const out: string[] = [];
  for (const chunk of parseTranscript(text)) {
    if (chunk.kind === 'text') {
      out.push(chunk.line);
      continue;
    }
    const actual: string[] = [];
    chunk.commands.forEach((command, offset) => {
      try {
        actual.push(...interpret(command.trim()));
      } catch (error) {
        throw new Error(`line ${chunk.line + offset}: "${command.trim()}": ${(error as Error).message}`, { cause: error });
      }
    });
    out.push(...chunk.commands, SEPARATOR, ...actual);
  }
  return `${out.join('\n')}\n`;
}
