import { parentPort } from 'node:worker_threads';
import { parseDocumentJson, type ParseTask } from './parse-document.js';

/** A parse pool thread: parses the tasks it is sent, one at a time, and posts the outcomes back. */
parentPort?.on('message', (message: { readonly id: number; readonly task: ParseTask }) => {
  parentPort?.postMessage({ id: message.id, outcome: parseDocumentJson(message.task) });
});
// Loaded: the time budget of the first task starts now, not while the thread was starting.
parentPort?.postMessage({ ready: true });
