//! The open project: its path and article count, as the header shows them.

import type { ProjectInfo } from "../ipc";

class Project {
  info = $state<ProjectInfo | null>(null);
  /** True until the first `project_info` answer (or failure), so the UI does not flash "no project". */
  starting = $state(true);
}

export const project = new Project();
