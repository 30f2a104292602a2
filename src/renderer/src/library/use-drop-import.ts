/**
 * Drag and drop onto the window: while something from outside is dragged over it, `dragging` is
 * true (the window shows "Drop to import"); a drop hands its content on. Drags that start inside
 * the window (a selection of the article) are not imports and are left alone.
 */
import { useEffect, useRef, useState } from 'react';
import { readDropped, type DroppedContent } from './dropped-items';

export function useDropImport(
  onDrop: (content: DroppedContent) => void,
  win: Window = window,
): boolean {
  const [dragging, setDragging] = useState(false);
  const handler = useRef(onDrop);
  useEffect(() => {
    handler.current = onDrop;
  });
  useEffect(() => {
    // dragenter and dragleave fire for every element crossed: count them to know when it left.
    let depth = 0;
    let fromInside = false;
    const external = (event: DragEvent) => !fromInside && !!event.dataTransfer;
    const onStart = () => (fromInside = true);
    const onEnd = () => (fromInside = false);
    const onEnter = (event: DragEvent) => {
      if (!external(event)) return;
      event.preventDefault();
      depth++;
      setDragging(true);
    };
    const onOver = (event: DragEvent) => {
      if (!external(event)) return;
      // Without this the drop is refused, or the browser opens the dropped file itself.
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const onLeave = (event: DragEvent) => {
      if (!external(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onDropped = (event: DragEvent) => {
      depth = 0;
      setDragging(false);
      if (!external(event) || !event.dataTransfer) return;
      event.preventDefault();
      handler.current(readDropped(event.dataTransfer));
    };
    const doc = win.document;
    doc.addEventListener('dragstart', onStart);
    doc.addEventListener('dragend', onEnd);
    win.addEventListener('dragenter', onEnter);
    win.addEventListener('dragover', onOver);
    win.addEventListener('dragleave', onLeave);
    win.addEventListener('drop', onDropped);
    return () => {
      doc.removeEventListener('dragstart', onStart);
      doc.removeEventListener('dragend', onEnd);
      win.removeEventListener('dragenter', onEnter);
      win.removeEventListener('dragover', onOver);
      win.removeEventListener('dragleave', onLeave);
      win.removeEventListener('drop', onDropped);
    };
  }, [win]);
  return dragging;
}
