/**
 * Loading the diff of two versions: asks the service again whenever the pair changes, and keeps
 * only the answer to the latest question (an older one arriving late is dropped).
 */
import { useEffect, useState } from 'react';
import type { Client } from '../../../shared/contract/operations';
import type { VersionDiff } from '../../../shared/contract/versions';

export type DiffLoad =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly message: string }
  | { readonly status: 'ready'; readonly diff: VersionDiff };

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function useVersionDiff(
  client: Pick<Client, 'diffVersions'>,
  articleId: string,
  from: number,
  to: number,
): DiffLoad {
  // The answer is kept with the question it answers: another pair reads as loading at once.
  const question = JSON.stringify([articleId, from, to]);
  const [answer, setAnswer] = useState<{ question: string; load: DiffLoad } | null>(null);
  useEffect(() => {
    let current = true;
    const answered = (load: DiffLoad) => current && setAnswer({ question, load });
    client.diffVersions({ articleId, from, to }).then(
      (diff) => answered({ status: 'ready', diff }),
      (error: unknown) => answered({ status: 'failed', message: messageOf(error) }),
    );
    return () => {
      current = false;
    };
  }, [client, articleId, from, to, question]);
  return answer?.question === question ? answer.load : { status: 'loading' };
}
