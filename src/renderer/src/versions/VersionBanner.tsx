/**
 * Above an article that has a new version: when it came in and what happened to the user's
 * annotations ("Updated Feb 12: 2 claims changed, 1 passage removed"), with Show changes (the
 * diff against the version before) and Dismiss (remembered: it does not come back).
 */
import type { VersionSummary } from '../../../shared/contract/versions';
import { bannerText } from './version-text';

export interface VersionBannerProps {
  readonly version: VersionSummary;
  readonly onShowChanges: () => void;
  readonly onDismiss: () => void;
}

export function VersionBanner({ version, onShowChanges, onDismiss }: VersionBannerProps) {
  return (
    <div className="version-banner" role="status" aria-label="New version">
      <span>{bannerText(version)}</span>
      <button type="button" aria-haspopup="dialog" onClick={onShowChanges}>
        Show changes
      </button>
      <button type="button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
