// The worker-thread entry: piscina calls the default export with each task.
import { processTask, type Task } from './task.js';

export default function work(task: Task) {
  return processTask(task);
}
