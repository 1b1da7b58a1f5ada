/** The settings the editor reads (through a function, so changes like \set or F2-F4 apply at once). */
export interface EditorSettings {
  readonly keyMode: 'emacs' | 'vi';
  /** 'dark' | 'light' | 'basic' | 'none' (see themes.ts). */
  readonly theme: string;
  readonly color: boolean;
  readonly completeWhileTyping: boolean;
  /** Idle time after typing before the menu opens (default 40 ms). */
  readonly completionDelayMs?: number;
  readonly multiLine: boolean;
  readonly smartCompletion: boolean;
  /** Statement delimiter for MySQL's DELIMITER command (default ';'). */
  readonly delimiter?: string;
  /** Visible rows of the completion menu (default 8). */
  readonly menuHeight?: number;
  /** Show the bottom toolbar (default true). */
  readonly toolbar?: boolean;
}

export const defaultEditorSettings: EditorSettings = Object.freeze({
  keyMode: 'emacs',
  theme: 'dark',
  color: true,
  completeWhileTyping: true,
  completionDelayMs: 40,
  multiLine: true,
  smartCompletion: true,
  menuHeight: 8,
  toolbar: true,
});
