// The audit summary of a configuration change names every field in the reader's language: a shift type's hours, a
// demand entry's people and a group's name are 时长, 人数 and 名称 in Chinese, not the document's field ids.
import { describe, expect, it } from 'vitest';
import { render } from '../../shared/i18n/index.ts';

const changes = [
  { kind: 'item.changed', field: 'shiftTypes', id: 'S', path: 'hours', from: 10, to: 12 },
  { kind: 'item.changed', field: 'demand', id: 'patrol-01/P', path: 'people', from: 2, to: 3 },
  { kind: 'item.changed', field: 'groups', id: 'G3', path: 'name', from: '值班三组', to: '第三组（乙）' },
];

describe('audit summaries of configuration changes', () => {
  it('are Chinese field by field for a Chinese reader', () => {
    const zh = render('zh', 'audit.station.changed', { changes });
    expect(zh).toContain('时长由10改为12');
    expect(zh).toContain('人数由2改为3');
    expect(zh).toContain('名称由值班三组改为第三组（乙）');
    // Ids (S, G3, patrol-01/P) aside, no English word.
    expect(zh.replace(/patrol-01\/P/g, '')).not.toMatch(/\b[a-z]{3,}\b/);
  });

  it('stay in the document\'s words for an English reader', () => {
    const en = render('en', 'audit.station.changed', { changes });
    expect(en).toContain('hours');
    expect(en).toContain('people');
  });
});
