/** The help panel (?): every keyboard shortcut, grouped by when it applies. */
import { Dialog } from './Dialog';
import { SHORTCUT_GROUPS, displayKeys, isMac, type Shortcut } from './shortcuts';

export interface HelpPanelProps {
  readonly onClose: () => void;
}

function Keys({ shortcut, mac }: { shortcut: Shortcut; mac: boolean }) {
  return (
    <>
      {shortcut.keys.map((chord, i) => (
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
      {SHORTCUT_GROUPS.map((group) => (
        <div key={group.title} className="shortcut-group">
          <h3>{group.title}</h3>
          <dl className="shortcut-list">
            {group.shortcuts.map((shortcut) => (
              <div key={shortcut.id} className="shortcut">
                <dt>
                  <Keys shortcut={shortcut} mac={mac} />
                </dt>
                <dd>{shortcut.action}</dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
    </Dialog>
  );
}
