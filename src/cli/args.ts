// The command line's arguments, parsed by Node's util.parseArgs (strict): an unknown or misplaced
// option is a UsageError naming it, never silently ignored. Each command lists the options it takes.
import { parseArgs as parseNodeArgs } from 'util';
import type { ParseArgsConfig } from 'util';
import { UsageError } from './errors';

export interface CliArgs {
  command: string | undefined;
  positional: string[];
  json: boolean;
  output?: string;
  text?: string;
  prior?: string;
  /** --template ID: the template to read with instead of the detected one. */
  template?: string;
  formulas: boolean;
  preview: boolean;
  /** check: every rounding note and the full table list. */
  all: boolean;
  /** fill: also paint the cells of 说明 (rounding notes). */
  markNotes: boolean;
  /** batch: parallel workers (-j N / --jobs N). */
  jobs?: number;
  /** batch: folder for one 整改通知 .docx per unit with errors. */
  notices?: string;
  /** batch: an earlier `batch --json` output to compare with. */
  since?: string;
  help: boolean;
}

type Options = NonNullable<ParseArgsConfig['options']>;

const OPTION: Options = {
  json: { type: 'boolean' },
  output: { type: 'string', short: 'o' },
  text: { type: 'string' },
  prior: { type: 'string' },
  formulas: { type: 'boolean' },
  preview: { type: 'boolean' },
  template: { type: 'string' },
  all: { type: 'boolean' },
  'mark-notes': { type: 'boolean' },
  notices: { type: 'string' },
  since: { type: 'string' },
  jobs: { type: 'string', short: 'j' },
  help: { type: 'boolean', short: 'h' },
};

/** The options each command accepts (help everywhere). */
const COMMAND_OPTIONS: Record<string, (keyof typeof OPTION)[]> = {
  check: ['json', 'text', 'template', 'all'],
  narrate: ['json', 'template'],
  fill: ['output', 'prior', 'formulas', 'preview', 'json', 'mark-notes'],
  doc: ['output'],
  batch: ['json', 'output', 'jobs', 'notices', 'since'],
};

/** The most positional arguments each command takes. */
const COMMAND_POSITIONALS: Record<string, number> = { check: 1, narrate: 1, fill: 1, doc: 1, batch: 1 };

export function parseArgs(argv: string[]): CliArgs {
  const command = argv.find((a) => !a.startsWith('-'));
  const known = command !== undefined && command in COMMAND_OPTIONS;
  const names = known ? [...COMMAND_OPTIONS[command], 'help'] : ['help'];
  const options = Object.fromEntries(names.map((name) => [name, OPTION[name]]));
  let parsed: ReturnType<typeof parseNodeArgs>;
  try {
    parsed = parseNodeArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(`${describeParseError(e, command)}\n${USAGE}`);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const [first, ...positional] = parsed.positionals;
  if (known && positional.length > COMMAND_POSITIONALS[first]) {
    throw new UsageError(`多余的参数“${positional.slice(COMMAND_POSITIONALS[first]).join(' ')}”。\n${USAGE}`);
  }
  return {
    command: first,
    positional,
    json: values.json === true,
    output: values.output as string | undefined,
    text: values.text as string | undefined,
    prior: values.prior as string | undefined,
    formulas: values.formulas === true,
    preview: values.preview === true,
    template: values.template as string | undefined,
    all: values.all === true,
    markNotes: values['mark-notes'] === true,
    notices: values.notices as string | undefined,
    since: values.since as string | undefined,
    jobs: values.jobs === undefined ? undefined : Number(values.jobs),
    help: values.help === true,
  };
}

function describeParseError(e: unknown, command: string | undefined): string {
  const code = (e as { code?: string }).code;
  const quoted = /'([^']+)'/.exec((e as Error).message ?? '')?.[1] ?? '';
  const option = /--[\w-]+/.exec(quoted)?.[0] ?? quoted;
  const where = command ? `命令 ${command} ` : '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `${where}不认识选项“${option}”。`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `选项“${option}”后面缺少它的值。`;
  return `参数有误：${(e as Error).message}`;
}

export const USAGE = `用法：
  juesuan check FILE [--json] [--text 说明.txt] [--template ID] [--all]
                                       审核附表的表内、表间关系、绩效自评表和说明文字，列出发现的问题
                                       （取整差额默认每表一行，--all 逐条列出）
  juesuan narrate FILE [--json] [--template ID]
                                       根据附表和补充信息生成“部门决算情况说明”
  juesuan fill FILE -o OUT [--prior 上年.xlsx] [--formulas] [--preview] [--mark-notes]
                                       填写可推导的合计与汇总表、生成说明、标记问题单元格，写入 OUT（不修改原文件）；
                                       --mark-notes 连取整差额的单元格也标记
  juesuan doc FILE -o 决算公开.docx    生成 Word 版决算公开文件：封面、目录、部门概况、情况说明（含图表）、
                                       名词解释、附表
  juesuan batch DIR [--json] [-o REPORT.xlsx] [--jobs N] [--notices 通知文件夹] [--since 上次.json]
                                       并行审核文件夹（含子文件夹）中的全部 .xlsx，逐个列出结果并汇总；
                                       -o 另存审核报告（汇总、问题明细两张表）；--notices 为每个有错误的单位
                                       生成整改通知（Word）；--since 与上次 --json 的结果比较：已改正、仍存在、新发现

模板（--template，缺省时按附表标题和说明文字自动识别，或用任务窗格“设置”中为本工作簿记住的模板）：
  sichuan14 四川省部门决算（14张表）  mof9 财政部部门决算（9张表）  shanghai9 上海市部门决算（9张表）

退出码：0 无错误；1 有错误；2 文件无法读取。`;
