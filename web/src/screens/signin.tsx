// Sign-in: the Cognito hosted UI in the cloud; locally, a picker of the demo station's people (their rank decides
// what they may do) and ?as= shortcuts.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { SiteConfig } from '../api.ts';
import { t, tx } from '../i18n.ts';
import { DEMO_AS, groupsForRank } from '../model.ts';
import { devAvailable, directory, hosted, signInDev, signInError, stationId } from '../state.ts';
import { ErrorBox, Notice } from '../ui/errors.tsx';

export function SignIn({ config }: { config: SiteConfig }) {
  const [chosen, setChosen] = useState('');
  const err = signInError.value;
  let body: ComponentChildren;
  const viaHostedUi = hosted.current;
  if (config.userPoolId && config.clientId && viaHostedUi) {
    const go = () => {
      viaHostedUi.signIn().catch((e: unknown) => {
        signInError.value = e;
      });
    };
    body = (
      <div>
        <p>{t('signInCognito')}</p>
        <button type="button" class="primary" onClick={go}>
          {t('signIn')}
        </button>
      </div>
    );
  } else if (devAvailable.value && directory.value) {
    const people = directory.value.people;
    const id = stationId.value;
    body = (
      <div>
        <p>{t('signInIntro')}</p>
        <form
          class="signin-form"
          onSubmit={(e) => {
            e.preventDefault();
            const value = chosen || people[0]?.id || '';
            const person = people.find((p) => p.id === value);
            const who = value === '@branch' ? DEMO_AS.branch! : { sub: value, groups: groupsForRank(person?.rank ?? 'officer'), stationId: id };
            signInDev(who).catch((error: unknown) => (signInError.value = error));
          }}
        >
          <label for="signin-person">{t('signInAs')}</label>
          <select id="signin-person" name="person" value={chosen || people[0]?.id} onChange={(e) => setChosen((e.target as HTMLSelectElement).value)}>
            {(['director', 'instructor', 'deputy', 'officer', 'auxiliary'] as const).map((rank) => (
              <optgroup label={tx('role', rank)}>
                {people
                  .filter((p) => p.rank === rank)
                  .map((p) => (
                    <option value={p.id}>{`${p.name} (${p.id}) · ${tx('role', p.rank)}${p.community ? ` · ${p.community.id} ${p.community.role}` : p.group ? ` · ${p.group}` : ''}`}</option>
                  ))}
              </optgroup>
            ))}
            <optgroup label={tx('role', 'branch')}>
              <option value="@branch">{t('signInBranch')}</option>
            </optgroup>
          </select>
          <button type="submit" class="primary">
            {t('signIn')}
          </button>
        </form>
        <p class="quick">
          {Object.keys(DEMO_AS).map((role) => (
            <a href={`?as=${role}${id !== 'demo' ? `&station=${id}` : ''}`}>{`?as=${role}`}</a>
          ))}
        </p>
      </div>
    );
  } else body = <p class="muted">{t('signInNone')}</p>;
  return (
    <section class="card signin" aria-labelledby="signin-title">
      <h2 id="signin-title">{t('signInTitle')}</h2>
      {err ? typeof err === 'string' ? <Notice kind="error" text={err} /> : <ErrorBox error={err} /> : null}
      {body}
    </section>
  );
}
