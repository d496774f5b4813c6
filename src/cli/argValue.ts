/** The value after `name` in a tool's arguments (`--out DIR` gives "DIR"), if given. */
export function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}
