/**
 * "Import…": a button-styled label over a hidden JSON file input. Hands over the chosen file's
 * text and clears the input, so choosing the same file again is read again.
 */
export function JsonFileInput(props: {
  label: string;
  testid: string;
  onText(text: string): void | Promise<void>;
}) {
  async function picked(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) await props.onText(await file.text());
  }
  return (
    <label class="button">
      {props.label}
      <input
        type="file"
        accept="application/json,.json"
        class="visually-hidden"
        data-testid={props.testid}
        onChange={(e) => void picked(e)}
      />
    </label>
  );
}
