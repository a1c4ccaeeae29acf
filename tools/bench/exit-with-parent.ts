/**
 * Preloaded (`node -r`) into the servers `npm run bench:compare` starts: when the benchmark goes
 * away, even killed outright, its end of our stdin pipe closes and the server is asked to stop
 * (SIGTERM, its own graceful shutdown). Nothing else changes in the server process.
 */
process.stdin.on('end', () => process.kill(process.pid, 'SIGTERM'));
process.stdin.on('error', () => process.kill(process.pid, 'SIGTERM'));
process.stdin.resume();
export {};
