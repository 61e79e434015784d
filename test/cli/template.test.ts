// The template on the command line: shown first, detected, overridden with --template, an unknown
// id refused with a Chinese sentence; `narrate` writes the Shanghai text for the Shanghai fixture.
import { loadRealFixture, writeRealFixture } from '../helpers/real-fixture';
import { makeTempDir } from '../helpers/tmp';
import { runCli } from '../helpers/cli';

const dir = makeTempDir();
let xlsx: string;
let text: string;

beforeAll(async () => {
  const files = await writeRealFixture(loadRealFixture('shanghai-putuo-shegongbu-2024'), dir);
  xlsx = files.xlsx;
  text = files.text as string;
});

describe('--template', () => {
  test('check shows the detected template and flags the text in its own numbering', async () => {
    const run = await runCli(['check', xlsx, '--text', text]);
    expect(run.stdout).toContain('模板：上海市部门决算（9张表）');
    expect(run.stdout).not.toContain('四川');
    expect(run.stdout).toContain('[TXT-SHARE] 第三部分 五（二）');
    expect(run.stdout).toContain('[TXT-CHANGE] 第三部分 十一（一）');
    expect(run.code).toBe(1);
  });

  test('--template overrides the detection (and the JSON says which)', async () => {
    const run = await runCli(['check', xlsx, '--template', 'sichuan14', '--json']);
    const json = JSON.parse(run.stdout) as { template: { id: string; name: string }; findings: { message: string }[] };
    expect(json.template).toEqual({ id: 'sichuan14', name: '四川省部门决算（14张表）' });
    expect(json.findings.map((f) => f.message)).toContain('未找到附表：财政拨款支出决算明细表');
  });

  test('an unknown template is refused with the list of templates', async () => {
    const run = await runCli(['check', xlsx, '--template', 'guangdong']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('未知的模板“guangdong”');
    expect(run.stderr).toContain('shanghai9（上海市部门决算（9张表））');
  });

  test('narrate writes 第三部分 in Shanghai’s sections and formats', async () => {
    const run = await runCli(['narrate', xlsx]);
    expect(run.stdout).toContain('模板：上海市部门决算（9张表）');
    expect(run.stdout).toContain('第三部分 【请填写决算年度】年度部门决算情况说明');
    expect(run.stdout).toContain('十一、其他重要事项的情况说明');
    expect(run.stdout).toContain('占86.05%');
  });
});
