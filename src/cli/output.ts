/**
 * Text that came from elsewhere (a server's answer, a name stored in the database, a driver's error), made
 * safe to print on a terminal: escape sequences (CSI, OSC and the rest), the other C0 and C1 controls and
 * DEL, and the bidirectional overrides and isolates are taken out. What is left cannot move the cursor,
 * rewrite earlier lines, set the window title or a clipboard, or show text in an order other than stored.
 * Newlines and tabs stay: they only lay text out.
 */
export function printable(text: string): string {
  return (
    text
      // CSI (ESC [ or U+009B, parameters, one final byte) and OSC, DCS, SOS, PM, APC strings up to BEL or ST.
      .replace(/(?:\x1b\[|\x9b)[\x20-\x3f]*[\x40-\x7e]?/g, '')
      .replace(/(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?/g, '')
      // Any other escape with the byte after it, then every control left.
      .replace(/\x1b[\x20-\x7e]?/g, '')
      .replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
  );
}

/**
 * A reader that has had enough (`otpgate keys create | head -1`) closes the pipe: that is no failure of the
 * command, whose work goes on and whose exit code stands. Without a listener, Node would throw the EPIPE
 * with a stack trace and exit 1, after the key had been created. Further writes go nowhere.
 */
export function ignoreClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return;
    throw error;
  });
}

/** Rows as aligned columns, two spaces apart, one `out` call per row (the first row is the header). */
export function printTable(rows: readonly (readonly string[])[], out: (line: string) => void): void {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
  for (const row of rows) {
    out(
      row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd(),
    );
  }
}
