/** What the version handlers need of the service they are part of. */
import type { ServiceContext } from '../service-context';

export type VersionContext = ServiceContext;
