/**
 * CPU time spent by this process (all its threads, the load generator's included) and by the local
 * PostgreSQL server's processes (read from /proc; zero where there is no /proc or PostgreSQL runs elsewhere).
 * Used to say where a request's cost goes: the app or the database.
 */
import fs from 'node:fs';

const TICK_US = 10_000; // USER_HZ is 100 on Linux

function postgresMicros(): number {
  let ticks = 0;
  let pids: string[];
  try {
    pids = fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  } catch {
    return 0;
  }
  for (const pid of pids) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      if (!stat.slice(stat.indexOf('(') + 1, close).startsWith('postgres')) continue;
      const fields = stat.slice(close + 2).split(' ');
      // utime and stime are fields 14 and 15 of stat, i.e. 11 and 12 after the command.
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process ended while we read
    }
  }
  return ticks * TICK_US;
}

export interface CpuSample {
  app: number;
  postgres: number;
}

export function cpuNow(): CpuSample {
  const u = process.cpuUsage();
  return { app: u.user + u.system, postgres: postgresMicros() };
}

export const cpuSince = (from: CpuSample): CpuSample => {
  const now = cpuNow();
  return { app: now.app - from.app, postgres: now.postgres - from.postgres };
};
