import type Sqlite from 'better-sqlite3';
import { randomUUID } from 'node:crypto';

// The baseline: what each operation needs from SQLite, prepared once and run
// straight on better-sqlite3, no validation, no mapping beyond the rows.

type Db = Sqlite.Database;

// Unordered: each contact's three are put in order outside SQL, as the core does.
function recentOf(sqlite: Db): (contactIds: string[]) => unknown[] {
  const recent = sqlite.prepare(
    `select interactions.* from json_each(?) as wanted
     join interactions on interactions.num in (
       select newest.num from interactions as newest
       where newest.contact_id = wanted.value and newest.deleted_at is null
       order by newest.occurred_at desc, newest.id desc limit 3)`,
  );
  return (contactIds) => recent.all(JSON.stringify([...new Set(contactIds)]));
}

// The core caps each of Today's sections at this many items.
const sectionLimit = 200;

/** Today's parts, each prepared once: the four sections and the last three interactions of everyone in them. */
function todayParts(sqlite: Db, today: string, upcomingEnd: string) {
  const open = `select f.*, c.display_name, c.preferred_channel, c.preferred_time, c.last_interaction_at
    from followups f join contacts c on c.id = f.contact_id
    where f.status = 'open' and f.deleted_at is null and c.deleted_at is null`;
  const overdue = sqlite.prepare(`${open} and f.due_date < ? order by f.due_date, f.due_time, f.id limit ${sectionLimit}`);
  const dueToday = sqlite.prepare(`${open} and f.due_date = ? order by f.due_time, f.id limit ${sectionLimit}`);
  const upcoming = sqlite.prepare(`${open} and f.due_date > ? and f.due_date <= ? order by f.due_date, f.due_time, f.id limit ${sectionLimit}`);
  // Never contacted counts from when they were added.
  const dueBy = `strftime('%Y-%m-%dT%H:%M:%fZ', coalesce(last_interaction_at, created_at), '+' || keep_in_touch_days || ' days')`;
  const losingTouch = sqlite.prepare(
    `select id, display_name, preferred_channel, preferred_time, last_interaction_at, keep_in_touch_days from contacts
     where deleted_at is null and keep_in_touch_days is not null and ${dueBy} < @now
     order by ${dueBy}, id limit ${sectionLimit}`,
  );
  return {
    overdue: () => overdue.all(today) as Array<{ contact_id: string }>,
    dueToday: () => dueToday.all(today) as Array<{ contact_id: string }>,
    upcoming: () => upcoming.all(today, upcomingEnd) as Array<{ contact_id: string }>,
    losingTouch: (nowIso: string) => losingTouch.all({ now: nowIso }) as Array<{ id: string }>,
    recent: recentOf(sqlite),
  };
}

/** Today's four sections, each item's contact and their last three interactions. */
export function rawToday(sqlite: Db, today: string, upcomingEnd: string, nowIso: string): () => unknown {
  const parts = todayParts(sqlite, today, upcomingEnd);
  return () => {
    const due = [parts.overdue(), parts.dueToday(), parts.upcoming()];
    const losing = parts.losingTouch(nowIso);
    return [due, losing, parts.recent([...due.flat().map((row) => row.contact_id), ...losing.map((row) => row.id)])];
  };
}

/** Each of Today's parts on its own, to see which one costs: name → run. */
export function rawTodayParts(sqlite: Db, today: string, upcomingEnd: string, nowIso: string): Record<string, () => unknown> {
  const parts = todayParts(sqlite, today, upcomingEnd);
  const contactIds = [...[parts.overdue(), parts.dueToday(), parts.upcoming()].flat().map((row) => row.contact_id), ...parts.losingTouch(nowIso).map((row) => row.id)];
  return {
    overdue: parts.overdue,
    'due today': parts.dueToday,
    upcoming: parts.upcoming,
    'losing touch': () => parts.losingTouch(nowIso),
    [`the last 3 interactions of each of the ${new Set(contactIds).size} contacts`]: () => parts.recent(contactIds),
  };
}

/** One page of a contact's history, newest first, and how many there are. */
export function rawTimeline(sqlite: Db, contactId: string): () => unknown {
  const page = sqlite.prepare('select * from interactions where contact_id = ? and deleted_at is null order by occurred_at desc, id desc limit 51');
  const count = sqlite.prepare('select count(*) as total from interactions where contact_id = ? and deleted_at is null');
  return () => [page.all(contactId), count.get(contactId)];
}

function interactionWriter(sqlite: Db) {
  const insert = sqlite.prepare(
    `insert into interactions (id, contact_id, kind, direction, channel, occurred_at, summary, reasons, outcome, minutes, cost_cents, cost_to_serve_cents, followup_id, created_at, updated_at)
     values (?, ?, ?, 'outbound', 'phone', ?, ?, ?, ?, 10, 0, 1000, ?, ?, ?)`,
  );
  const index = sqlite.prepare(`insert into interactions_fts (rowid, summary, outcome, reasons) values (?, ?, ?, ?)`);
  const touch = sqlite.prepare('update contacts set last_interaction_at = max(coalesce(last_interaction_at, ?), ?), updated_at = ? where id = ?');
  return (entry: { contactId: string; kind: string; summary: string; reasons: string[]; outcome: string; followupId: string | null }) => {
    const at = new Date().toISOString();
    const { lastInsertRowid } = insert.run(randomUUID(), entry.contactId, entry.kind, at, entry.summary, JSON.stringify(entry.reasons), entry.outcome, entry.followupId, at, at);
    index.run(lastInsertRowid, entry.summary.toLowerCase(), entry.outcome.toLowerCase(), entry.reasons.join(', '));
    touch.run(at, at, at, entry.contactId);
  };
}

/** A call logged on a contact: the row, its search entry and the contact's last interaction, in one transaction. */
export function rawLogInteraction(sqlite: Db, contactId: string): () => unknown {
  const write = interactionWriter(sqlite);
  return sqlite.transaction(() => write({ contactId, kind: 'call', summary: 'Called about the offer', reasons: ['asked about rates'], outcome: '', followupId: null }));
}

/** Mark done: the follow-up closed and its history entry logged, in one transaction. */
export function rawCompleteFollowup(sqlite: Db, nextId: () => string): () => unknown {
  const write = interactionWriter(sqlite);
  const find = sqlite.prepare('select * from followups where id = ? and deleted_at is null');
  const close = sqlite.prepare("update followups set status = 'done', completed_at = ?, interaction_id = (select id from interactions where num = last_insert_rowid()), updated_at = ? where id = ?");
  const complete = sqlite.transaction((id: string) => {
    const followup = find.get(id) as { contact_id: string; kind: string; title: string };
    write({ contactId: followup.contact_id, kind: followup.kind === 'thank_you_call' ? 'call' : followup.kind, summary: followup.title, reasons: [], outcome: '', followupId: id });
    const at = new Date().toISOString();
    close.run(at, at, id);
  });
  return () => complete(nextId());
}

/** Interactions whose summary, outcome or reasons hold the word, the most recently logged first, with their contacts' names. */
export function rawSearchHistory(sqlite: Db, word: string): () => unknown {
  const search = sqlite.prepare(
    `select i.*, c.display_name from interactions_fts f
     join interactions i on i.num = f.rowid join contacts c on c.id = i.contact_id
     where interactions_fts match ? and i.deleted_at is null and c.deleted_at is null
     order by f.rowid desc limit 20`,
  );
  return () => search.all(`"${word}"`);
}
