// Set-up: Communities (grids) with their officers and auxiliaries, and the duty groups with their offsets in the
// rotation and their members.
import type { Community, DutyGroup } from '../../../../shared/domain/station.ts';
import { lang, t } from '../../i18n.ts';
import { edit, type Draft } from './draft.ts';
import { FieldIssues, ListInput, NumberInput, SetupScreen, TextInput, hasIssuesUnder } from './common.tsx';

const sep = () => (lang() === 'zh' ? '、' : ', ');

function CommunitiesTable({ d, readOnly }: { d: Draft; readOnly: boolean }) {
  const set = (i: number, fn: (c: Community) => void) => edit((x) => fn(x.communities[i]!));
  return (
    <section class="card" aria-labelledby="communities-title">
      <div class="setup-title-row">
        <h3 id="communities-title">{t('communitiesTitle')}</h3>
        {readOnly ? null : (
          <button
            type="button"
            class="secondary"
            onClick={() =>
              edit((x) => {
                let n = x.communities.length + 1;
                while (x.communities.some((c) => c.id === `C${n}`)) n += 1;
                x.communities.push({ id: `C${n}`, name: t('newCommunityName', { n }), auxiliaries: 0, neighbours: [] });
              })
            }
          >
            {t('addCommunity')}
          </button>
        )}
      </div>
      <div class="table-scroll">
        <table class="setup-table">
          <thead>
            <tr>
              <th scope="col">{t('fieldId')}</th>
              <th scope="col">{t('fieldTitle')}</th>
              <th scope="col">{t('fieldAuxiliaries')}</th>
              <th scope="col">{t('fieldNeighbours')}</th>
              <th scope="col">{t('communityOfficers')}</th>
              <th scope="col">{t('communityAuxiliaries')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {d.communities.map((c, i) => {
              const at = `communities[${i}]`;
              const officers = d.people.filter((p) => p.community?.id === c.id && p.kind === 'officer');
              const auxiliaries = d.people.filter((p) => p.community?.id === c.id && p.kind === 'auxiliary');
              return (
                <tr data-community-id={c.id} class={hasIssuesUnder(at) ? 'row-error' : ''}>
                  <td>
                    <TextInput id={`c-${i}-id`} path={`${at}.id`} value={c.id} size={6} readOnly={readOnly} onValue={(v) => set(i, (x) => { x.id = v; })} />
                    <FieldIssues path={`${at}.id`} />
                  </td>
                  <td>
                    <TextInput id={`c-${i}-name`} path={`${at}.name`} value={c.name} readOnly={readOnly} onValue={(v) => set(i, (x) => { x.name = v; })} />
                    <FieldIssues path={`${at}.name`} />
                  </td>
                  <td>
                    <NumberInput id={`c-${i}-aux`} path={`${at}.auxiliaries`} value={c.auxiliaries} readOnly={readOnly} onValue={(v) => set(i, (x) => { x.auxiliaries = v as number; })} />
                    <FieldIssues path={`${at}.auxiliaries`} />
                  </td>
                  <td>
                    <ListInput id={`c-${i}-nb`} path={`${at}.neighbours`} value={c.neighbours} readOnly={readOnly} onValue={(v) => set(i, (x) => { x.neighbours = v; })} />
                    {(c.neighbours ?? []).map((_, j) => (
                      <FieldIssues path={`${at}.neighbours[${j}]`} />
                    ))}
                  </td>
                  <td>{officers.map((p) => `${p.name}${p.community ? `（${p.community.role}）` : ''}`).join(sep()) || '—'}</td>
                  <td>{auxiliaries.map((p) => p.name).join(sep()) || '—'}</td>
                  <td>
                    {readOnly ? null : (
                      <button type="button" class="link-button" onClick={() => edit((x) => void x.communities.splice(i, 1))}>
                        {t('remove')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function GroupsTable({ d, readOnly }: { d: Draft; readOnly: boolean }) {
  const set = (i: number, fn: (g: DutyGroup) => void) => edit((x) => fn(x.groups[i]!));
  return (
    <section class="card" aria-labelledby="groups-title">
      <div class="setup-title-row">
        <h3 id="groups-title">{t('groupsTitle')}</h3>
        {readOnly ? null : (
          <button
            type="button"
            class="secondary"
            onClick={() =>
              edit((x) => {
                let n = x.groups.length + 1;
                while (x.groups.some((g) => g.id === `G${n}`)) n += 1;
                x.groups.push({ id: `G${n}`, name: t('newGroupName', { n }), offset: x.groups.length });
              })
            }
          >
            {t('addGroup')}
          </button>
        )}
      </div>
      <p class="hint">{t('offsetHint')}</p>
      <div class="table-scroll">
        <table class="setup-table">
          <thead>
            <tr>
              <th scope="col">{t('fieldId')}</th>
              <th scope="col">{t('fieldTitle')}</th>
              <th scope="col">{t('fieldOffset')}</th>
              <th scope="col">{t('groupMembers')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {d.groups.map((g, i) => {
              const at = `groups[${i}]`;
              const members = d.people.filter((p) => p.group === g.id);
              return (
                <tr data-group-id={g.id} class={hasIssuesUnder(at) ? 'row-error' : ''}>
                  <td>
                    <TextInput id={`g-${i}-id`} path={`${at}.id`} value={g.id} size={6} readOnly={readOnly} onValue={(v) => set(i, (x) => { x.id = v; })} />
                    <FieldIssues path={`${at}.id`} />
                  </td>
                  <td>
                    <TextInput id={`g-${i}-name`} path={`${at}.name`} value={g.name} readOnly={readOnly} onValue={(v) => set(i, (x) => { x.name = v || undefined; })} />
                    <FieldIssues path={`${at}.name`} />
                  </td>
                  <td>
                    <NumberInput id={`g-${i}-offset`} path={`${at}.offset`} value={g.offset} readOnly={readOnly} onValue={(v) => set(i, (x) => { x.offset = v as number; })} />
                    <FieldIssues path={`${at}.offset`} />
                  </td>
                  <td>
                    <span class="count">{members.length}</span> {members.map((p) => p.name).join(sep())}
                  </td>
                  <td>
                    {readOnly ? null : (
                      <button type="button" class="link-button" onClick={() => edit((x) => void x.groups.splice(i, 1))}>
                        {t('remove')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function CommunitiesScreen() {
  return (
    <SetupScreen title={t('screen_communities')} intro={t('communitiesIntro')}>
      {(d, readOnly) => (
        <>
          <CommunitiesTable d={d} readOnly={readOnly} />
          <GroupsTable d={d} readOnly={readOnly} />
        </>
      )}
    </SetupScreen>
  );
}
