// Minimal argument parsing for the juesuan command line (no dependency needed for four commands).

export interface CliArgs {
  command: string | undefined;
  positional: string[];
  json: boolean;
  output?: string;
  text?: string;
  prior?: string;
  formulas: boolean;
  preview: boolean;
  /** batch: parallel workers (-j N / --jobs N). */
  jobs?: number;
  /** batch: folder for one 整改通知 .docx per unit with errors. */
  notices?: string;
  /** batch: an earlier `batch --json` output to compare with. */
  since?: string;
  help: boolean;
}

export function parseArgs(argv: string[]): CliArgs {
  const args: CliArgs = { command: undefined, positional: [], json: false, help: false, formulas: false, preview: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') args.json = true;
    else if (a === '-h' || a === '--help') args.help = true;
    else if (a === '-o' || a === '--output') args.output = argv[++i];
    else if (a === '--text') args.text = argv[++i];
    else if (a === '--prior') args.prior = argv[++i];
    else if (a === '--formulas') args.formulas = true;
    else if (a === '--preview') args.preview = true;
    else if (a === '-j' || a === '--jobs') args.jobs = Number(argv[++i]);
    else if (a === '--notices') args.notices = argv[++i] ?? '';
    else if (a === '--since') args.since = argv[++i] ?? '';
    else if (args.command === undefined) args.command = a;
    else args.positional.push(a);
  }
  return args;
}

export const USAGE = `用法：
  juesuan check FILE [--json] [--text 说明.txt]
                                       审核附表的表内、表间关系、绩效自评表和说明文字，列出发现的问题
  juesuan narrate FILE [--json]        根据附表和补充信息生成“部门决算情况说明”
  juesuan fill FILE -o OUT [--prior 上年.xlsx] [--formulas] [--preview]
                                       填写可推导的合计与汇总表、生成说明、标记问题单元格，写入 OUT（不修改原文件）
  juesuan doc FILE -o 决算公开.docx    生成 Word 版决算公开文件：封面、目录、部门概况、情况说明（含图表）、
                                       名词解释、附表
  juesuan batch DIR [--json] [-o REPORT.xlsx] [--jobs N] [--notices 通知文件夹] [--since 上次.json]
                                       并行审核文件夹（含子文件夹）中的全部 .xlsx，逐个列出结果并汇总；
                                       -o 另存审核报告（汇总、问题明细两张表）；--notices 为每个有错误的单位
                                       生成整改通知（Word）；--since 与上次 --json 的结果比较：已改正、仍存在、新发现

退出码：0 无错误；1 有错误；2 文件无法读取。`;
