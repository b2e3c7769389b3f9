import { Notice } from './Notice';

/** Shown on every page of a class the host deleted: the class is gone, say so plainly. */
export function ClassDeleted({ message }: { message: string }) {
  return (
    <Notice title="This class was deleted" tone="danger">
      <p data-testid="class-deleted">{message}</p>
    </Notice>
  );
}
