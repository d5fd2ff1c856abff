import { occurrenceText } from './dates';
import { ACCESSIBILITY, CHANNELS, inSentence, KINDS, languageName, NPF, SIGN_UP } from './labels';
import { PlaceMap } from './PlaceMap';
import { type FoundActivity, pointOf, type PublicContact } from './search';

const kr = new Intl.NumberFormat('sv-SE');
const km = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 });

export const ageText = (min: number | null, max: number | null) =>
  min != null && max != null ? `${min}–${max} år` : min != null ? `från ${min} år` : max != null ? `upp till ${max} år` : 'Alla åldrar';

function costText(cost: NonNullable<FoundActivity['cost']>): string {
  const price = cost.free ? 'Gratis' : cost.amountSek != null ? `${kr.format(cost.amountSek)} kr` : 'Kostar';
  return [price, cost.note].filter(Boolean).join(', ');
}

/** A channel as something a phone acts on: call, text, write, open. */
function channelLink(kind: string, value: string) {
  const digits = value.replace(/[^\d+]/g, '');
  if (kind === 'PHONE') return <a href={`tel:${digits}`}>{value}</a>;
  if (kind === 'SMS') return <a href={`sms:${digits}`}>{value}</a>;
  if (kind === 'EMAIL') return <a href={`mailto:${value}`}>{value}</a>;
  if (kind === 'WEB' && /^https?:\/\//.test(value)) return <a href={value} rel="noopener noreferrer">{value}</a>;
  return <>{value}</>;
}

function Contact({ organiser, contact }: { organiser: string; contact: PublicContact | null }) {
  if (!contact) return <p>{organiser}</p>;
  return (
    <div className="contact">
      <p>
        {organiser}: {contact.name}
      </p>
      <ul>
        {contact.channels.map((channel, i) => (
          <li key={i}>
            {CHANNELS[channel.kind] ?? channel.kind}: {channelLink(channel.kind, channel.value)}
            {channel.note ? ` (${channel.note})` : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** One activity, everything public a parent needs to go there: when, where, cost, joining, who to ask. */
export function ActivityCard({ activity: a }: { activity: FoundActivity }) {
  const point = pointOf(a);
  const place = a.venue ? a.venue.name : (a.address?.street ?? a.area?.name ?? '');
  const address = a.venue?.address ?? a.address;
  const addressText = address ? [address.street !== place ? address.street : null, [address.postalCode, address.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') : '';
  const distance = a.distanceKm;
  const upcoming = a.occurrences.length ? a.occurrences : a.nextOccurrence ? [a.nextOccurrence] : [];
  const adaptations = [...a.accessibilityFeatures.map((f) => ACCESSIBILITY[f] ?? f), ...a.npfAdaptations.map((f) => NPF[f] ?? f)];
  const headingId = `aktivitet-${a.id}`;
  const vouchers = a.vouches.flatMap((v) => (v.by ? [v.by.name] : []));
  return (
    <article className="activity" aria-labelledby={headingId} data-testid="activity">
      <h3 id={headingId}>{a.title}</h3>
      <p className="facts">
        <span>{KINDS[a.kind] ?? a.kind}</span>
        <span>{ageText(a.ageMin, a.ageMax)}</span>
        {(a.areas ?? []).map((area) => (
          <span key={area.code}>{area.name}</span>
        ))}
        {distance != null ? <span>ca {km.format(distance)} km bort</span> : null}
      </p>
      {a.publicDescription ? <p>{a.publicDescription}</p> : null}
      <dl>
        <dt>När</dt>
        <dd>
          {upcoming.length ? (
            <ul className="occurrences">
              {upcoming.map((o) => (
                <li key={o.date} className={o.cancelled ? 'cancelled' : undefined}>
                  {o.cancelled ? <strong>Inställt: </strong> : null}
                  {occurrenceText(o.startsAt, o.endsAt)}
                  {o.cancelled && o.note ? ` – ${o.note}` : ''}
                </li>
              ))}
            </ul>
          ) : (
            'Inga tider inlagda – fråga arrangören.'
          )}
        </dd>
        {place || point ? (
          <>
            <dt>Plats</dt>
            <dd data-testid="place">
              {place}
              {addressText ? <span className="address">{addressText}</span> : null}
              {point ? <PlaceMap areaCode={a.area?.code} point={point} placeName={place} /> : null}
            </dd>
          </>
        ) : null}
        <dt>Kostnad</dt>
        <dd>
          {a.cost ? costText(a.cost) : 'Fråga arrangören.'}
          {a.cost?.fritidskortetAccepted ? <span className="badge">Fritidskortet går att använda</span> : null}
        </dd>
        <dt>Anmälan</dt>
        <dd>
          {a.signUp ? SIGN_UP[a.signUp.method] ?? a.signUp.method : 'Fråga arrangören.'}
          {a.signUp?.url ? (
            <>
              {' '}
              <a href={a.signUp.url} rel="noopener noreferrer">
                Till anmälan<span className="visually-hidden">: {a.title}</span>
              </a>
            </>
          ) : null}
          {a.signUp?.note ? <span className="note">{a.signUp.note}</span> : null}
        </dd>
        {a.languages.length ? (
          <>
            <dt>Språk</dt>
            <dd>{a.languages.map((code, i) => (i === 0 ? languageName(code).replace(/^./, (c) => c.toUpperCase()) : inSentence(languageName(code)))).join(', ')}</dd>
          </>
        ) : null}
        {adaptations.length || a.accessibilityNote ? (
          <>
            <dt>Tillgänglighet och anpassningar</dt>
            <dd>
              {adaptations.length ? <ul>{adaptations.map((text) => <li key={text}>{text}</li>)}</ul> : null}
              {a.accessibilityNote ? <span className="note">{a.accessibilityNote}</span> : null}
            </dd>
          </>
        ) : null}
        {vouchers.length ? (
          <>
            <dt>Vi går i god för</dt>
            <dd data-testid="vouches">{vouchers.join(', ')}</dd>
          </>
        ) : null}
        <dt>Kontakt</dt>
        <dd data-testid="contact">
          {(a.organisers ?? []).map((o) => (
            <Contact key={o.id} organiser={o.name} contact={o.publicContact} />
          ))}
        </dd>
      </dl>
      <CalendarButton activity={a} />
    </article>
  );
}

/** "Lägg till i kalendern": the activity's iCalendar file from the API, which a phone opens in its calendar (recurrence included). */
function CalendarButton({ activity }: { activity: FoundActivity }) {
  return (
    <a className="button" href={activity.calendarUrl} download data-testid="calendar">
      Lägg till i kalendern<span className="visually-hidden">: {activity.title}</span>
    </a>
  );
}
