/**
 * Above an article whose stored text no longer matches the checksum taken when it was saved: the
 * reader still shows it (it may be mostly right), says it may be damaged, and offers a backup.
 */
export interface DamagedArticleBannerProps {
  /** Opens "Restore from backup…"; absent where there is no way to restore. */
  readonly onRestoreFromBackup?: () => void;
}

export function DamagedArticleBanner({ onRestoreFromBackup }: DamagedArticleBannerProps) {
  return (
    <div className="safety-banner safety-damaged" role="alert" aria-label="Damaged article">
      <span>This article’s stored text doesn’t match its checksum: it may be damaged.</span>
      {onRestoreFromBackup && (
        <button type="button" onClick={onRestoreFromBackup}>
          Restore from backup…
        </button>
      )}
    </div>
  );
}
