/** The help panel (?): every keyboard command of the keymap, grouped by when it applies. */
import {
  COMMAND_GROUPS,
  COMMANDS,
  displayKeys,
  type CommandSpec,
} from '../../../shared/commands/keymap';
import { Dialog } from './Dialog';

export interface HelpPanelProps {
  readonly onClose: () => void;
}

export function isMac(platform: string = navigator.platform): boolean {
  return /Mac|iPhone|iPad/.test(platform);
}

function Keys({ command, mac }: { command: CommandSpec; mac: boolean }) {
  return (
    <>
      {command.keys.map((chord, i) => (
        <span key={chord}>
          {i > 0 && ' / '}
          {displayKeys(chord, mac).map((key, j) => (
            <span key={key}>
              {j > 0 && '+'}
              <kbd>{key}</kbd>
            </span>
          ))}
        </span>
      ))}
    </>
  );
}

export function HelpPanel({ onClose }: HelpPanelProps) {
  const mac = isMac();
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} className="help-panel">
      {COMMAND_GROUPS.map((group) => (
        <div key={group} className="shortcut-group">
          <h3>{group}</h3>
          <dl className="shortcut-list">
            {COMMANDS.filter((c) => c.group === group).map((command) => (
              <div key={command.id} className="shortcut">
                <dt>
                  <Keys command={command} mac={mac} />
                </dt>
                <dd>{command.label}</dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
    </Dialog>
  );
}
