// The repository stands alone: no relative path in code, tests, scripts or Markdown resolves outside it, no absolute
// path names the machine it was written on, and the docs explain every rule the catalogue holds.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULE_LIST } from '../shared/rules/catalogue.ts';
import { SOURCES } from '../shared/rules/sources.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TEXT = /\.(ts|tsx|mts|mjs|js|cjs|md|json|html|css|sh|yml|yaml)$|^\.ci\/run$/;

/** Files git tracks or would track (untracked but not ignored), as a fresh clone would have them. */
function repositoryFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' });
  // This file is left out: it holds counter-examples of what it looks for.
  return out.split('\n').filter((f) => f && TEXT.test(f) && f !== 'package-lock.json' && f !== 'test/self-contained.test.ts' && !f.startsWith('test/nrp/fixtures/'));
}

/** Every `../…` path written in a file, resolved against the file's folder. */
function escapingPaths(file: string, text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/(?:^|[\s'"`(=:])((?:\.\.\/)+[^\s'"`)]*)/gm)) {
    const target = resolve(ROOT, dirname(file), match[1]!);
    if (relative(ROOT, target).startsWith('..')) found.push(match[1]!);
  }
  return found;
}

describe('the repository stands alone', () => {
  const files = repositoryFiles();

  it('reads the files a clone has', () => {
    expect(files).toContain('README.md');
    expect(files).toContain('functions/routes.ts');
  });

  it('no relative path resolves outside the repository', () => {
    const offenders = files.flatMap((file) => escapingPaths(file, readFileSync(resolve(ROOT, file), 'utf8')).map((p) => `${file}: ${p}`));
    expect(offenders).toEqual([]);
  });

  it('the check would catch one', () => {
    expect(escapingPaths('README.md', 'see [the contract](../brief/contract.md)')).toEqual(['../brief/contract.md']);
    expect(escapingPaths('test/nrp/helpers.ts', "new URL('../../../brief/instances/', import.meta.url)")).toEqual(['../../../brief/instances/']);
    expect(escapingPaths('test/nrp/helpers.ts', "import x from '../../shared/random.ts'")).toEqual([]);
  });

  it('no absolute path names the machine the code was written on', () => {
    const offenders = files.filter((file) => /\/work\/(shared|main)\b/.test(readFileSync(resolve(ROOT, file), 'utf8')));
    expect(offenders).toEqual([]);
  });
});

describe('the docs explain every rule', () => {
  const domain = readFileSync(resolve(ROOT, 'docs/domain.md'), 'utf8');

  it('docs/domain.md has a row for every rule of the catalogue', () => {
    const missing = RULE_LIST.filter((r) => !new RegExp(`^\\| ${r.id} \\|`, 'm').test(domain)).map((r) => r.id);
    expect(missing).toEqual([]);
  });

  it('every source the catalogue cites is a known article (or generic, the contract, the benchmark)', () => {
    const cited = RULE_LIST.flatMap((r) => r.source.split(/,\s*/));
    const unknown = cited.filter((s) => !(s in SOURCES) && !['generic', 'contract', 'Curtois'].includes(s));
    expect(unknown).toEqual([]);
    for (const id of Object.keys(SOURCES)) expect(domain).toContain(`| ${id} |`);
  });
});

describe('dependencies sit where they belong', () => {
  const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };

  it('tools of the laptop, the benchmarks and the deployment are not runtime dependencies', () => {
    for (const tool of ['dynalite', 'tsx', 'highs', 'aws-cdk-lib', 'aws-cdk', 'constructs', 'vite', 'vitest'])
      expect(Object.keys(pkg.dependencies), tool).not.toContain(tool);
  });

  it('every version is pinned exactly', () => {
    const loose = Object.entries({ ...pkg.dependencies, ...pkg.devDependencies }).filter(([, v]) => !/^\d+\.\d+\.\d+$/.test(v));
    expect(loose).toEqual([]);
  });
});
