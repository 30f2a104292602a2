/**
 * "Manage tags": every tag in the library with its count, each renamable in place. Renaming a tag
 * to the name of another merges the two, everywhere.
 */
import { useCallback, useEffect, useState } from 'react';
import type { TagSummary } from '../../../shared/contract/entities';
import type { Client, ResponseOf } from '../../../shared/contract/operations';
import { Dialog } from '../components/Dialog';
import { plural } from '../../../shared/text/plural';

export interface TagManagerProps {
  readonly client: Client;
  readonly onClose: () => void;
  /** Called after a rename, so open views reload their tags. */
  /** A tag was renamed or merged: what changed, to apply to the store. */
  readonly onRenamed: (reply: ResponseOf<'renameTag'>) => void;
  readonly onError: (error: unknown) => void;
}

function TagRow({ tag, onRename }: { tag: TagSummary; onRename: (name: string) => void }) {
  const [name, setName] = useState(tag.name);
  const commit = () => {
    const trimmed = name.trim();
    if (trimmed && trimmed !== tag.name) onRename(trimmed);
    else setName(tag.name);
  };
  return (
    <li className="tag-row">
      <input
        aria-label={`Name of tag ${tag.name}`}
        value={name}
        maxLength={100}
        onChange={(event) => setName(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            commit();
          }
        }}
      />
      <span className="muted">{plural(tag.annotationCount, 'annotation', 'annotations')}</span>
    </li>
  );
}

export function TagManager({ client, onClose, onRenamed, onError }: TagManagerProps) {
  const [tags, setTags] = useState<TagSummary[] | null>(null);
  const [message, setMessage] = useState('');

  const load = useCallback(() => {
    client.listTags({}).then(({ tags }) => setTags(tags), onError);
  }, [client, onError]);
  useEffect(load, [load]);

  const rename = (tag: TagSummary, name: string) => {
    client.renameTag({ id: tag.id, name }).then((reply) => {
      const { tag: renamed, merged } = reply;
      setMessage(
        merged
          ? `“${tag.name}” merged into “${renamed.name}”.`
          : `“${tag.name}” renamed to “${renamed.name}”.`,
      );
      load();
      onRenamed(reply);
    }, onError);
  };

  return (
    <Dialog title="Manage tags" onClose={onClose} className="tag-manager">
      <p className="muted">
        Rename a tag everywhere; give it the name of another tag to merge them.
      </p>
      {tags === null ? (
        <p className="muted">Loading…</p>
      ) : tags.length === 0 ? (
        <p className="muted">No tags yet.</p>
      ) : (
        <ul className="tag-list">
          {tags.map((tag) => (
            <TagRow
              key={`${tag.id}:${tag.name}`}
              tag={tag}
              onRename={(name) => rename(tag, name)}
            />
          ))}
        </ul>
      )}
      <p role="status" className="muted">
        {message}
      </p>
    </Dialog>
  );
}
