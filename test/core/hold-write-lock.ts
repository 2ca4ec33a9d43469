import Sqlite from 'better-sqlite3';

// Another program with Ambassador's data file open: it takes the write lock,
// says "locked", and keeps it until it reads a line on stdin (or is killed).
const sqlite = new Sqlite(process.argv[2]!);
sqlite.exec('begin immediate');
process.stdout.write('locked\n');
process.stdin.once('data', () => {
  sqlite.exec('commit');
  sqlite.close();
  process.exit(0);
});
