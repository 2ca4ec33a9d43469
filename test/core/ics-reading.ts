import ICAL from 'ical.js';

/** One VEVENT as a calendar app reads it, through ical.js (a real iCalendar parser). */
export type ReadEvent = {
  uid: string;
  summary: string;
  description: string | null;
  /** `YYYY-MM-DD` for an all-day event, `YYYY-MM-DDTHH:MM:SS` for a timed one. */
  start: string;
  end: string;
  allDay: boolean;
  /** True when the time carries no zone and no `Z`: the same wall-clock time wherever the calendar is. */
  floating: boolean;
  sequence: number;
  /** TRANSP: whether the event leaves the time free. */
  transparent: boolean;
  rrule: string | null;
  /** Each VALARM's action and trigger, e.g. `DISPLAY PT9H RELATED=START`. */
  alarms: string[];
};

export function readCalendar(text: string): ReadEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((vevent) => {
    const start = vevent.getFirstPropertyValue('dtstart') as ICAL.Time;
    const end = vevent.getFirstPropertyValue('dtend') as ICAL.Time;
    const startProperty = vevent.getFirstProperty('dtstart')!;
    return {
      uid: String(vevent.getFirstPropertyValue('uid')),
      summary: String(vevent.getFirstPropertyValue('summary')),
      description: (vevent.getFirstPropertyValue('description') as string | null) ?? null,
      start: start.toString(),
      end: end.toString(),
      allDay: start.isDate,
      floating: !start.isDate && startProperty.getParameter('tzid') === undefined && start.zone !== ICAL.Timezone.utcTimezone,
      sequence: Number(vevent.getFirstPropertyValue('sequence')),
      transparent: vevent.getFirstPropertyValue('transp') === 'TRANSPARENT',
      rrule: vevent.hasProperty('rrule') ? String(vevent.getFirstPropertyValue('rrule')) : null,
      alarms: vevent.getAllSubcomponents('valarm').map((alarm) => {
        const trigger = alarm.getFirstProperty('trigger')!;
        const related = trigger.getParameter('related');
        return [String(alarm.getFirstPropertyValue('action')), String(trigger.getFirstValue()), ...(related ? [`RELATED=${String(related)}`] : [])].join(' ');
      }),
    };
  });
}
