import type { Statement } from 'better-sqlite3';
import type { Db } from './connection';

/**
 * Statements prepared on first use, each once: a file still at an older schema (a migration test,
 * a tool) that never takes that path never needs the tables they name.
 */
export function lazyStatements<Name extends string>(
  db: Db,
  sql: Readonly<Record<Name, string>>,
): (name: Name) => Statement {
  const prepared = new Map<Name, Statement>();
  return (name) => {
    let statement = prepared.get(name);
    if (!statement) {
      statement = db.prepare(sql[name]);
      prepared.set(name, statement);
    }
    return statement;
  };
}
