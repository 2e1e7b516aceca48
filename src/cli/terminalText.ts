/**
 * Text for a terminal, whatever a file name or a cell held. A name or a cell can carry escape sequences (ESC [ …
 * recolours, clears or retitles the clerk's terminal), other control characters, or Unicode's bidirectional
 * overrides (which make a name read backwards, `xslx.exe` for `exe.xlsx`). Each is shown as a visible code
 * instead: `\x1b`, `\u202e`. Line breaks and tabs of our own report stay as they are.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

export function terminalText(text: string): string {
  return text.replace(UNSAFE, (character) => {
    const code = character.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}
