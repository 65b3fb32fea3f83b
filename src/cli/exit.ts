/** The exit code a command sets; read by `main` after yargs has run the handler. */
let code: number = 0;

export function setExitCode(value: number): void {
  code = Math.max(code, value);
}

export function takeExitCode(): number {
  const value = code;
  code = 0;
  return value;
}
