// juesuan command line: dispatch, and the one place where failures become a Chinese sentence + exit 2.
import { parseArgs, USAGE } from './args';
import type { CliArgs } from './args';
import { UsageError } from './errors';
import type { CliIo } from './io';
import { processIo } from './io';
import { UnreadableWorkbookError } from '../hosts/file/errors';
import { HostError } from '../hosts/host';
import { translateLibraryWarnings } from './library-warnings';

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    io.err(describeFailure(e) + '\n');
    return 2;
  }
  if (args.help || !args.command) {
    io.out(USAGE + '\n');
    return args.help ? 0 : 2;
  }
  const restoreWarnings = translateLibraryWarnings((t) => io.err(t));
  try {
    switch (args.command) {
      // Each command loads only its own modules: batch's main thread leaves the engine to its
      // workers. check, narrate and fill run the task pane's actions (src/app/runner) over the
      // file host, which loads exceljs at its first write only: check and narrate never load it.
      case 'check':
        return await (await import('./check')).runCheck(requireFile(args.positional[0]), args.json, io, args.text, args.template, args.all);
      case 'narrate':
        return await (await import('./narrate')).runNarrate(requireFile(args.positional[0]), args.json, io, args.template);
      case 'fill':
        return await (
          await import('./fill')
        ).runFill(
          requireFile(args.positional[0]),
          {
            output: args.output,
            prior: args.prior,
            formulas: args.formulas,
            preview: args.preview,
            json: args.json,
            markNotes: args.markNotes,
          },
          io,
        );
      case 'doc':
        return await (await import('./doc')).runDoc(requireFile(args.positional[0]), args.output, io);
      case 'batch':
        return await (
          await import('./batch')
        ).runBatch(
          args.positional[0],
          { json: args.json, output: args.output, jobs: args.jobs, notices: args.notices, since: args.since },
          io,
        );
      default:
        io.err(`未知命令“${args.command}”。\n${USAGE}\n`);
        return 2;
    }
  } catch (e) {
    io.err(describeFailure(e) + '\n');
    return 2;
  } finally {
    restoreWarnings();
  }
}

function requireFile(file: string | undefined): string {
  if (!file) throw new UsageError('请指定要读取的 .xlsx 文件。');
  return file;
}

function describeFailure(e: unknown): string {
  // HostError: the file host refused a write in a sentence (a tampered journal, a sheet it cannot write).
  if (e instanceof UnreadableWorkbookError || e instanceof UsageError || e instanceof HostError) return e.message;
  // Anything else is our bug; the user still gets a sentence, the detail goes behind a flag.
  const detail = process.env.JUESUAN_DEBUG ? `\n${(e as Error)?.stack ?? String(e)}` : '';
  return `处理时发生内部错误，文件未被修改。请将此文件反馈给开发者。${detail}`;
}
