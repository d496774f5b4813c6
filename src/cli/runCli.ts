/**
 * Runs a command-line tool's `main` with the process's arguments and exits with the code it
 * resolves to; an error is printed as its message alone (no stack) and exits 1. Call it as
 * `if (require.main === module) runCli(main);`.
 */
export function runCli(main: (args: string[]) => Promise<number>): void {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error((err as Error).message);
      process.exit(1);
    },
  );
}
